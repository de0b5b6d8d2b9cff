using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>The status a visitor sees on the phone after scanning the ticket's QR.</summary>
public sealed class GetPublicTicket(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<PublicTicketDto> HandleAsync(string publicId, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.PublicId == publicId, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownTicket, "There is no such ticket.");
        return await TicketView.ToPublicAsync(db, ticket, clock.GetUtcNow().UtcDateTime, ct) with { Rating = ticket.Rating };
    }
}

/// <summary>The visitor rates the completed visit from the status page (whoever holds the ticket's unguessable id).</summary>
public sealed class RateVisit(FrontOfficeDb db, TimeProvider clock)
{
    public async Task HandleAsync(string publicId, RateVisitRequest request, CancellationToken ct)
    {
        await Transactions.RunAsync(db, async ct =>
        {
            var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.PublicId == publicId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownTicket, "There is no such ticket.");
            // Kept as typed: shown only as text, never as markup.
            ticket.Rate(request.Stars, request.Comment, clock.GetUtcNow().UtcDateTime);
            return true;
        }, ct);
    }
}
