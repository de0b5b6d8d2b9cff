using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>The visitor did not come.</summary>
public sealed class MarkNoShow(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "no-show", key, version, async c =>
        {
            c.Ticket.MarkNoShow(c.Now);
            await c.EndCallAsync(CallOutcome.NoShow);
            c.TicketClosed(nameof(TicketState.NoShow));
        }, ct);
}
