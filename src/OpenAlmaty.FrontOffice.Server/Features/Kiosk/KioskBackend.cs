using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Receptions;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Kiosk;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Problems;
using OpenAlmaty.FrontOffice.Server.Realtime;

namespace OpenAlmaty.FrontOffice.Server.Features.Kiosk;

/// <summary>The kiosk's backend inside the server: the same use cases as the HTTP API, for the enrolled device of the circuit.</summary>
public sealed class KioskBackend(
    IServiceScopeFactory scopes, HallFeed feed, IssueTicket issue, CheckIn checkIn, ListSessions sessions, BookReception book,
    AuthenticationStateProvider authentication, IOptions<FrontOfficeOptions> options) : IKioskBackend
{
    /// <summary>In a scope of its own: a roster change may arrive while this circuit's context is busy issuing a ticket.</summary>
    public async Task<RosterDto> RosterAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetRoster>().HandleAsync(includeRetired: false, ct);
    }

    public IDisposable OnRosterChanged(Action onChange) => feed.Subscribe(feed.LastSeq, e =>
    {
        if (e is RosterChangedEvent)
        {
            onChange();
        }
    });

    public async Task<KioskIssueResult> IssueAsync(int serviceId, VisitorLanguage language, TicketPriority priority, string idempotencyKey, CancellationToken ct)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        try
        {
            var issued = await issue.HandleAsync(Policies.ActorOf(user), idempotencyKey, new IssueTicketRequest(serviceId, language, priority), ct);
            var url = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/t/{issued.Ticket.PublicId}";
            return new KioskIssueResult(issued.Ticket, QrSvg(url), null, null);
        }
        catch (ProblemException p)
        {
            return new KioskIssueResult(null, null, p.Type, p.Detail);
        }
        catch (DomainRuleException d)
        {
            return new KioskIssueResult(null, null, ProblemExceptionHandler.TypeOf(d.Rule), d.Message);
        }
    }

    public async Task<KioskIssueResult> CheckInAsync(string code, CancellationToken ct)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        try
        {
            var ticket = await checkIn.HandleAsync(Policies.ActorOf(user), new CheckInRequest(code), ct);
            return new KioskIssueResult(ticket, QrSvg($"{options.Value.PublicBaseUrl.TrimEnd('/')}/t/{ticket.PublicId}"), null, null);
        }
        catch (ProblemException p)
        {
            return new KioskIssueResult(null, null, p.Type, p.Detail);
        }
        catch (DomainRuleException d)
        {
            return new KioskIssueResult(null, null, ProblemExceptionHandler.TypeOf(d.Rule), d.Message);
        }
    }

    public Task<IReadOnlyList<ReceptionSessionDto>> ReceptionSessionsAsync(CancellationToken ct) => sessions.BookableAsync(ct);

    public bool IsValidIin(string iin) => Iin.Check(iin) == IinProblem.None;

    public async Task<KioskBookingResult> BookAsync(BookReceptionRequest request, CancellationToken ct)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        try
        {
            var created = await book.HandleAsync(Policies.ActorOf(user), request, ct);
            return new KioskBookingResult(created, QrSvg($"{options.Value.PublicBaseUrl.TrimEnd('/')}/b/{created.Code}"), null, null);
        }
        catch (ProblemException p)
        {
            return new KioskBookingResult(null, null, p.Type, p.Detail);
        }
        catch (DomainRuleException d)
        {
            return new KioskBookingResult(null, null, ProblemExceptionHandler.TypeOf(d.Rule), d.Message);
        }
    }

    /// <summary>An SVG the browser draws itself: no image request, no outside service.</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        return new QRCoder.SvgQRCode(data).GetGraphic(10);
    }
}
