using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>A no-show who comes back within the rejoin window keeps the turn.</summary>
public sealed class Rejoin(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "rejoin", key, version, async c =>
        {
            c.Ticket.Rejoin(c.Now, TimeSpan.FromMinutes(c.Service.RejoinWindowMinutes));
            await c.QueueChangedAsync();
        }, ct);
}
