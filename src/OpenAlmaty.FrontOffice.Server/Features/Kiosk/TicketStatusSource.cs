using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Kiosk;

namespace OpenAlmaty.FrontOffice.Server.Features.Kiosk;

/// <summary>The public status page's source: the same use case as <c>GET /api/public/tickets/{publicId}</c>.</summary>
public sealed class TicketStatusSource(GetPublicTicket query, RateVisit rate) : ITicketStatus
{
    public async Task<PublicTicketDto?> GetAsync(string publicId, CancellationToken ct)
    {
        try
        {
            return await query.HandleAsync(publicId, ct);
        }
        catch (ProblemException p) when (p.Type == ProblemTypes.UnknownTicket)
        {
            return null;
        }
    }

    public async Task<string?> RateAsync(string publicId, int stars, string? comment, CancellationToken ct)
    {
        try
        {
            await rate.HandleAsync(publicId, new RateVisitRequest(stars, comment), ct);
            return null;
        }
        catch (ProblemException p)
        {
            return p.Type;
        }
        catch (OpenAlmaty.FrontOffice.Domain.DomainRuleException d)
        {
            return Problems.ProblemExceptionHandler.TypeOf(d.Rule);
        }
    }
}
