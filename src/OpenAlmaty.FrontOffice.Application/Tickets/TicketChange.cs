using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>What an officer action may see and add while it changes a ticket.</summary>
public sealed class TicketChangeContext(FrontOfficeDb db, Ticket ticket, Service service, DateTime now, CancellationToken ct)
{
    public FrontOfficeDb Db { get; } = db;
    public Ticket Ticket { get; } = ticket;
    public Service Service { get; } = service;
    public DateTime Now { get; } = now;
    public CancellationToken Cancellation { get; } = ct;

    /// <summary>Ends the ticket's open call (if any) with the outcome.</summary>
    public async Task EndCallAsync(CallOutcome outcome)
    {
        var call = await Db.TicketCalls.Where(c => c.TicketId == Ticket.Id && c.EndedAt == null)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(Cancellation);
        call?.End(outcome, Now);
    }

    public void Publish(IHallEvent e) => Outbox.Add(Db, e, Now);

    public void TicketClosed(string state) => Publish(new TicketClosedEvent(0, Ticket.DisplayNumber, Service.Id, state, TicketView.Utc(Now)));

    /// <summary>Queues a <c>QueueChanged</c> for the service once the change is saved.</summary>
    public async Task QueueChangedAsync(Service? service = null)
    {
        await Db.SaveChangesAsync(Cancellation);
        Publish(await ServiceQueue.ChangedAsync(Db, service ?? Service, Now, Cancellation));
    }
}

/// <summary>
/// The common path of every officer action on a ticket: idempotency, the officer's right to the
/// ticket's desk, the optional version check, the domain change, events, one commit.
/// Each action is a small class beside this one that passes its domain change.
/// </summary>
public sealed class TicketChange(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<TicketDto> RunAsync(
        Actor actor, Guid ticketId, string operation, string? idempotencyKey, int? expectedVersion,
        Func<TicketChangeContext, Task> change, CancellationToken ct)
    {
        // The key stands for this action on this ticket: used again for another ticket it is refused.
        operation = Idempotency.For(operation, ticketId, expectedVersion);
        return await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (idempotencyKey is not null
                && await Idempotency.FindAsync(db, actor, idempotencyKey, operation, ct) is { TicketId: { } doneId })
            {
                return await TicketView.ToDtoAsync(db, await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == doneId, ct), now, ct);
            }

            var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownTicket, "There is no such ticket.");
            await RequireRightAsync(actor, ticket, ct);
            if (expectedVersion is { } v && v != ticket.Version)
            {
                throw ProblemException.Conflict(ProblemTypes.StaleVersion,
                    $"The ticket changed since you saw it (version {v}, now {ticket.Version}); reload and try again.");
            }

            var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == ticket.ServiceId, ct);
            await change(new TicketChangeContext(db, ticket, service, now, ct));
            if (idempotencyKey is not null)
            {
                Idempotency.Remember(db, actor, idempotencyKey, operation, ticket.Id, now);
            }

            await db.SaveChangesAsync(ct);
            return await TicketView.ToDtoAsync(db, ticket, now, ct);
        }, ct);
    }

    /// <summary>
    /// A ticket at a desk belongs to that desk's officers; a waiting, parked or no-show ticket to
    /// the officers of any desk that serves its service (or of the desk that parked it).
    /// </summary>
    private async Task RequireRightAsync(Actor actor, Ticket ticket, CancellationToken ct)
    {
        var atDesk = ticket.State is TicketState.Called or TicketState.Serving;
        var allowed = atDesk
            ? await DeskAccess.IsAssignedAsync(db, actor, ticket.DeskId!.Value, ct)
            : await DeskAccess.ServesAsync(db, actor, ticket.ServiceId, ct)
              || (ticket.ParkedByDeskId is { } parked && await DeskAccess.IsAssignedAsync(db, actor, parked, ct));
        if (!allowed)
        {
            throw ProblemException.Forbidden(ProblemTypes.NotYourDesk, $"Ticket {ticket.DisplayNumber} is not at a desk of yours.");
        }
    }
}
