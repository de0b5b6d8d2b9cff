using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>The visitor came to the desk: service time starts.</summary>
public sealed class StartServing(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "start", key, version, async c =>
        {
            c.Ticket.StartServing(c.Now);
            var call = await c.Db.TicketCalls.Where(x => x.TicketId == c.Ticket.Id && x.EndedAt == null)
                .OrderByDescending(x => x.Id).FirstOrDefaultAsync(c.Cancellation);
            call?.ServingStartedAt = c.Now;
        }, ct);
}
