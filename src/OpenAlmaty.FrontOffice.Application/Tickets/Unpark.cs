using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>Returns a parked visitor to the queue at the original arrival time.</summary>
public sealed class Unpark(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "unpark", key, version, async c =>
        {
            c.Ticket.Unpark();
            await c.QueueChangedAsync();
        }, ct);
}
