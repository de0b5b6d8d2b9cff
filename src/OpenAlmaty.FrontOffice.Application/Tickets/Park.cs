using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>Steps the visitor aside without losing the turn.</summary>
public sealed class Park(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "park", key, version, async c =>
        {
            c.Ticket.Park(c.Now);
            await c.EndCallAsync(CallOutcome.Parked);
            c.TicketClosed(nameof(TicketState.Parked));
        }, ct);
}
