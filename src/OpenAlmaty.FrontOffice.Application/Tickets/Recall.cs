using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>Calls the visitor again; past the service's recall limit the ticket becomes a no-show.</summary>
public sealed class Recall(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "recall", key, version, async c =>
        {
            var deskId = c.Ticket.DeskId;
            c.Ticket.Recall(c.Now, c.Service.RecallLimit);
            if (c.Ticket.State == TicketState.NoShow)
            {
                await c.EndCallAsync(CallOutcome.NoShow);
                c.TicketClosed(nameof(TicketState.NoShow));
                return;
            }

            var desk = await c.Db.Desks.Where(d => d.Id == deskId).Select(d => d.Number).SingleAsync(c.Cancellation);
            c.Publish(new TicketRecalledEvent(0, c.Ticket.DisplayNumber, desk,
                c.Ticket.ServiceId, c.Ticket.RecallCount, TicketView.Utc(c.Now)));
        }, ct);
}
