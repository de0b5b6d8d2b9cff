using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>
/// Calls the next visitor to a desk. Only the head of each tier of each of the desk's services is
/// read, so the cost does not grow with the queue. The claim is a conditional update on the
/// ticket's version: of two desks that pick the same ticket, the database lets exactly one win,
/// and the loser runs again on fresh data.
/// </summary>
public sealed class CallNext(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit)
{
    public const string Operation = "call-next";
    public const string ChosenOperation = "call-chosen";
    public const int MaxReasonLength = 300;

    /// <returns>The called ticket, or null when nobody waits.</returns>
    public Task<TicketDto?> HandleAsync(Actor actor, int deskId, string? idempotencyKey, CancellationToken ct) =>
        CallAsync(actor, deskId, idempotencyKey, null, ct);

    /// <summary>
    /// Calls a ticket the officer picked from the waiting list, out of the queue's order. The reason
    /// is required and stored with the call, so the audit shows who jumped whom and why.
    /// </summary>
    public async Task<TicketDto> ChosenAsync(Actor actor, int deskId, string? idempotencyKey, CallTicketRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed,
                $"Calling out of order needs a reason of 1 to {MaxReasonLength} characters.");
        }

        return await CallAsync(actor, deskId, idempotencyKey, (request.TicketId, reason), ct)
            ?? throw ProblemException.Conflict(ProblemTypes.TicketWrongState, "That ticket no longer waits for this desk.");
    }

    private async Task<TicketDto?> CallAsync(Actor actor, int deskId, string? idempotencyKey, (Guid TicketId, string Reason)? chosen, CancellationToken ct)
    {
        // The key stands for this call at this desk: used again at another desk (or for another ticket) it is refused.
        var operation = Idempotency.For(chosen is null ? Operation : ChosenOperation, deskId, chosen?.TicketId, chosen?.Reason);
        // Which services the desk serves and their history need no lock: read them first.
        var serviceIds = await db.DeskServices.Where(l => l.DeskId == deskId).Select(l => l.ServiceId).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id) && s.RetiredAt == null).ToListAsync(ct);
        var histories = new Dictionary<int, ServiceQueue.History>();
        foreach (var service in services)
        {
            histories[service.Id] = await ServiceQueue.LoadHistoryAsync(db, service.Id, ct);
        }

        return await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (idempotencyKey is not null
                && await Idempotency.FindAsync(db, actor, idempotencyKey, operation, ct) is { } earlier)
            {
                return earlier.TicketId is { } id
                    ? await TicketView.ToDtoAsync(db, await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id, ct), now, ct)
                    : null;
            }

            var desk = await DeskAccess.RequireAsync(db, actor, deskId, ct);
            if (!desk.IsOpen)
            {
                throw ProblemException.Conflict(ProblemTypes.DeskClosed, $"Desk {desk.Number} is closed; open it first.");
            }

            var current = await db.Tickets.AsNoTracking()
                .Where(t => t.DeskId == desk.Id && (t.State == TicketState.Called || t.State == TicketState.Serving))
                .Select(t => new { t.Prefix, t.Number }).FirstOrDefaultAsync(ct);
            if (current is not null)
            {
                throw ProblemException.Conflict(ProblemTypes.DeskBusy,
                    $"Desk {desk.Number} still has {TicketNumber.Format(current.Prefix, current.Number)}; complete, transfer or mark it first.");
            }

            // The officer who calls is at the desk: from now on it counts as serving in waits and transfers.
            var claimed = desk.OfficerId != actor.UserId;
            if (claimed)
            {
                desk.OfficerId = actor.UserId;
                await db.SaveChangesAsync(ct);
                foreach (var service in services)
                {
                    histories[service.Id] = histories[service.Id] with { ServingDesks = await ServiceQueue.ServingDeskCountAsync(db, service.Id, ct) };
                }
            }

            var servingDesks = await db.Desks.Where(Desk.Serving).Select(d => d.Id).ToArrayAsync(ct);
            var heads = new List<QueueEntry>();
            var ratios = new Dictionary<int, ServiceRatio>();
            var queues = new Dictionary<int, ServiceQueue>();
            var counts = new TierCounts(0, 0, 0);
            foreach (var service in services)
            {
                heads.AddRange(await HeadsAsync(service.Id, desk.Id, servingDesks, now, ct));
                var queue = await ServiceQueue.LoadAsync(db, service, now, ct, histories[service.Id]);
                ratios[service.Id] = queue.Ratio;
                queues[service.Id] = queue;
                var c = queue.Waiting;
                counts = new TierCounts(counts.Priority + c.Priority, counts.Regular + c.Regular, counts.Reception + c.Reception);
            }

            var decision = chosen is { } pick
                ? await ChosenDecisionAsync(pick.TicketId, pick.Reason, serviceIds, now, counts, ct)
                : QueueOrder.ChooseNext(heads, ratios, now, counts);
            if (decision is null)
            {
                if (idempotencyKey is not null && chosen is null)
                {
                    Idempotency.Remember(db, actor, idempotencyKey, operation, null, now);
                }

                return null;
            }

            var ticket = await db.Tickets.SingleAsync(t => t.Id == decision.Entry.TicketId, ct);
            ticket.Call(desk.Id, now);
            await CountCallAsync(ticket, queues[ticket.ServiceId].Ratio, now, ct);
            db.TicketCalls.Add(new TicketCall
            {
                TicketId = ticket.Id,
                ServiceId = ticket.ServiceId,
                DeskId = desk.Id,
                OfficerId = actor.UserId,
                CalledAt = now,
                Rule = decision.Reason.Rule,
                Reason = JsonSerializer.Serialize(decision.Reason, JsonSerializerOptions.Web),
            });
            if (idempotencyKey is not null)
            {
                Idempotency.Remember(db, actor, idempotencyKey, operation, ticket.Id, now);
            }

            if (chosen is { } picked)
            {
                await audit.RecordAsync("ticket.call-out-of-order", ticket.DisplayNumber, $"desk {desk.Number}: {picked.Reason}", ct, actor);
            }

            var after = queues[ticket.ServiceId].AfterCall(ticket.Tier, decision.Reason.Rule == CallRules.ReceptionSlot);
            Outbox.Add(db, new TicketCalledEvent(0, ticket.DisplayNumber, desk.Number, ticket.ServiceId, TicketView.Utc(now)), now);
            Outbox.Add(db, after.Changed(), now);
            foreach (var other in claimed ? queues.Values.Where(q => q.Service.Id != ticket.ServiceId) : [])
            {
                Outbox.Add(db, other.Changed(), now);
            }

            return await TicketView.ToDtoAsync(db, ticket, now, ct);
        }, ct);
    }

    private async Task<CallDecision?> ChosenDecisionAsync(Guid ticketId, string reason, List<int> serviceIds, DateTime now, TierCounts counts, CancellationToken ct)
    {
        var from = AlmatyClock.StartOfDayUtc(AlmatyClock.ServiceDay(now));
        var entry = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticketId && serviceIds.Contains(t.ServiceId) && t.State == TicketState.Waiting && t.ArrivedAt >= from)
            .Select(QueueEntry.FromTicket).SingleOrDefaultAsync(ct);
        return entry is null
            ? null
            : new CallDecision(entry, new CallReason(CallRules.ChosenByOfficer, entry.Tier.ToString(), 0, 0,
                counts.Priority, counts.Regular, counts.Reception, reason));
    }

    /// <summary>The head of each tier that this desk may call, by the call order's own key and reservation rule.</summary>
    private async Task<IEnumerable<QueueEntry>> HeadsAsync(int serviceId, int deskId, int[] servingDesks, DateTime now, CancellationToken ct)
    {
        var callable = ServiceQueue.WaitingToday(db, serviceId, now).Where(QueueOrder.CallableAt(deskId, servingDesks));
        var heads = new List<QueueEntry>(3);
        foreach (var tier in new[] { TicketTier.Regular, TicketTier.Priority, TicketTier.Reception })
        {
            var head = await callable.Where(t => t.Tier == tier).InTierOrder(tier)
                .Select(QueueEntry.FromTicket)
                .FirstOrDefaultAsync(ct);
            if (head is not null)
            {
                heads.Add(head);
            }
        }

        return heads;
    }

    /// <summary>Moves the service's ratio counter on by the tier just called.</summary>
    private async Task CountCallAsync(Ticket ticket, ServiceRatio ratio, DateTime now, CancellationToken ct)
    {
        var today = AlmatyClock.ServiceDay(now);
        var counter = await db.QueueCounters.SingleOrDefaultAsync(c => c.ServiceId == ticket.ServiceId, ct);
        if (counter is null)
        {
            counter = new QueueCounter { ServiceId = ticket.ServiceId, ServiceDay = today };
            db.QueueCounters.Add(counter);
        }
        else if (counter.ServiceDay != today)
        {
            counter.ServiceDay = today;
            counter.RegularsSincePriority = null;
        }

        counter.RegularsSincePriority = new ServiceRatio(ticket.ServiceId, ratio.PriorityRatio, counter.RegularsSincePriority)
            .After(ticket.Tier).RegularsSincePriority;
    }
}
