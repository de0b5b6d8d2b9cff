using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Devices;
using OpenAlmaty.FrontOffice.Application.Receptions;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Kiosk;
using OpenAlmaty.FrontOffice.Server.Circuits;
using OpenAlmaty.FrontOffice.Server.Realtime;

namespace OpenAlmaty.FrontOffice.Server.Features.Kiosk;

/// <summary>
/// The kiosk's backend inside the server: the same use cases as the HTTP API, for the enrolled
/// device of the circuit, each through <see cref="CircuitActions"/>. So every call has a scope (and
/// a DbContext) of its own, none lives as long as the kiosk's page, a roster change arriving while
/// a ticket is being issued never shares one, and a revoked kiosk is refused before anything runs.
/// </summary>
public sealed class KioskBackend(CircuitActions actions, CircuitAccess access, HallFeed feed, IOptions<FrontOfficeOptions> options) : IKioskBackend
{
    /// <summary>What a revoked kiosk reads while its page goes (see <see cref="OnEnrolmentEnded"/>): nothing to offer.</summary>
    private static readonly RosterDto NoRoster = new([], []);

    public async Task<RosterDto> RosterAsync(CancellationToken ct) =>
        (await actions.RunAsync<GetRoster, RosterDto>((roster, _, c) => roster.HandleAsync(includeRetired: false, c), ct)).Value ?? NoRoster;

    public async Task<KioskSetup> SetupAsync(CancellationToken ct)
    {
        // The same test as the printing itself (PrintTicket): a kiosk prints when its device has a printer address.
        var device = (await actions.RunAsync<ListDevices, DeviceDto?>(
            async (devices, kiosk, c) => (await devices.HandleAsync(c)).SingleOrDefault(d => d.Id == kiosk.DeviceId), ct)).Value;
        return new KioskSetup(device?.PrinterAddress is not null, options.Value.TrainingMode, device?.PrinterFault);
    }

    // Any kiosk's printer: the screen reads its own state again, which costs one read on a rare event.
    public IDisposable OnPrinterChanged(Action onChange) => feed.Subscribe(feed.LastSeq, e =>
    {
        if (e is DeviceStatusChangedEvent { Status: var status } && status.StartsWith("printer-", StringComparison.Ordinal))
        {
            onChange();
        }
    });

    public IDisposable OnRosterChanged(Action onChange) => feed.Subscribe(feed.LastSeq, e =>
    {
        if (e is RosterChangedEvent)
        {
            onChange();
        }
    });

    public IDisposable OnEnrolmentEnded(Action onEnded) => access.OnEnded(onEnded);

    public async Task<KioskIssueResult> IssueAsync(int serviceId, VisitorLanguage language, TicketPriority priority, string idempotencyKey, CancellationToken ct)
    {
        var issued = await actions.RunAsync<IssueTicket, IssuedTicket>(
            (issue, kiosk, c) => issue.HandleAsync(kiosk, idempotencyKey, new IssueTicketRequest(serviceId, language, priority), c), ct);
        return issued.Value is { } i
            ? new KioskIssueResult(i.Ticket, QrSvg(PublicUrl("/t/" + i.Ticket.PublicId)), null, null)
            : new KioskIssueResult(null, null, issued.ProblemType, issued.Detail);
    }

    public async Task<KioskIssueResult> CheckInAsync(string code, CancellationToken ct)
    {
        var checkedIn = await actions.RunAsync<CheckIn, TicketDto>((checkIn, kiosk, c) => checkIn.HandleAsync(kiosk, new CheckInRequest(code), c), ct);
        return checkedIn.Value is { } ticket
            ? new KioskIssueResult(ticket, QrSvg(PublicUrl("/t/" + ticket.PublicId)), null, null)
            : new KioskIssueResult(null, null, checkedIn.ProblemType, checkedIn.Detail);
    }

    public async Task<IReadOnlyList<ReceptionSessionDto>> ReceptionSessionsAsync(CancellationToken ct) =>
        (await actions.RunAsync<ListSessions, IReadOnlyList<ReceptionSessionDto>>((sessions, _, c) => sessions.BookableAsync(c), ct)).Value ?? [];

    public bool IsValidIin(string iin) => Iin.Check(iin) == IinProblem.None;

    public async Task<KioskBookingResult> BookAsync(BookReceptionRequest request, CancellationToken ct)
    {
        var booked = await actions.RunAsync<BookReception, BookingCreatedDto>((book, kiosk, c) => book.HandleAsync(kiosk, request, c), ct);
        return booked.Value is { } created
            ? new KioskBookingResult(created, QrSvg(PublicUrl("/b/" + created.Code)), null, null)
            : new KioskBookingResult(null, null, booked.ProblemType, booked.Detail);
    }

    private string PublicUrl(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>An SVG the browser draws itself: no image request, no outside service.</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        return new QRCoder.SvgQRCode(data).GetGraphic(10);
    }
}
