using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>
/// What the database knows about one service's queue today: tier counts, ratio state, service
/// times and open desks. Every query is an index seek or a count, so a long queue costs little.
/// </summary>
public static class ServiceQueue
{
    /// <summary>How many recent service times a wait estimate learns from.</summary>
    public const int ServiceTimeSamples = 50;

    public static IQueryable<Ticket> WaitingToday(FrontOfficeDb db, int serviceId, DateTime nowUtc)
    {
        var from = AlmatyClock.StartOfDayUtc(AlmatyClock.ServiceDay(nowUtc));
        return db.Tickets.Where(t => t.ServiceId == serviceId && t.State == TicketState.Waiting && t.ArrivedAt >= from);
    }

    public static async Task<TierCounts> CountsAsync(FrontOfficeDb db, int serviceId, DateTime nowUtc, CancellationToken ct)
    {
        var groups = await WaitingToday(db, serviceId, nowUtc).GroupBy(t => t.Tier)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(TicketTier tier) => groups.FirstOrDefault(g => g.Key == tier)?.Count ?? 0;
        return new TierCounts(Of(TicketTier.Priority), Of(TicketTier.Regular), Of(TicketTier.Reception));
    }

    public static Task<int> DueReceptionsAsync(FrontOfficeDb db, int serviceId, DateTime nowUtc, CancellationToken ct) =>
        WaitingToday(db, serviceId, nowUtc).CountAsync(t => t.Tier == TicketTier.Reception && t.AppointmentAt <= nowUtc, ct);

    public static async Task<ServiceRatio> RatioAsync(FrontOfficeDb db, Service service, DateTime nowUtc, CancellationToken ct)
    {
        var counter = await db.QueueCounters.AsNoTracking().SingleOrDefaultAsync(c => c.ServiceId == service.Id, ct);
        var today = AlmatyClock.ServiceDay(nowUtc);
        return new ServiceRatio(service.Id, service.PriorityRatio, counter?.ServiceDay == today ? counter.RegularsSincePriority : null);
    }

    public static Task<int> OpenDesksAsync(FrontOfficeDb db, int serviceId, CancellationToken ct) =>
        db.DeskServices.Where(l => l.ServiceId == serviceId)
            .Join(db.Desks, l => l.DeskId, d => d.Id, (l, d) => d)
            .CountAsync(d => d.IsOpen && d.RetiredAt == null, ct);

    /// <summary>The service's recent service times (completed or transferred calls), newest first.</summary>
    public static async Task<IReadOnlyList<TimeSpan>> ServiceTimesAsync(FrontOfficeDb db, int serviceId, CancellationToken ct)
    {
        var calls = await db.TicketCalls
            .Where(c => c.ServiceId == serviceId && c.EndedAt != null
                && (c.Outcome == CallOutcome.Completed || c.Outcome == CallOutcome.Transferred))
            .OrderByDescending(c => c.EndedAt)
            .Take(ServiceTimeSamples)
            .Select(c => new { Start = c.ServingStartedAt ?? c.CalledAt, End = c.EndedAt!.Value })
            .ToListAsync(ct);
        return calls.Select(c => c.End - c.Start).Where(d => d > TimeSpan.Zero).ToList();
    }

    public static async Task<WaitRange> EstimateAsync(FrontOfficeDb db, Service service, int peopleAhead, CancellationToken ct)
    {
        var times = await ServiceTimesAsync(db, service.Id, ct);
        var openDesks = await OpenDesksAsync(db, service.Id, ct);
        return WaitEstimate.Estimate(peopleAhead, times, openDesks, TimeSpan.FromMinutes(service.DefaultServiceMinutes));
    }

    /// <summary>Where a ticket of <paramref name="tier"/> at <paramref name="indexInTier"/> stands, and its wait.</summary>
    public static async Task<(int PeopleAhead, WaitRange Wait)> PositionAsync(
        FrontOfficeDb db, Service service, TicketTier tier, int indexInTier, DateTime nowUtc, CancellationToken ct)
    {
        var counts = await CountsAsync(db, service.Id, nowUtc, ct);
        var due = await DueReceptionsAsync(db, service.Id, nowUtc, ct);
        var ratio = await RatioAsync(db, service, nowUtc, ct);
        var ahead = QueueOrder.PeopleAhead(tier, indexInTier, counts, due, ratio);
        return (ahead, await EstimateAsync(db, service, ahead, ct));
    }

    /// <summary>The queue's state after a change, as the hall sees it: waiting count and the wait a newcomer faces.</summary>
    public static async Task<QueueChangedEvent> ChangedAsync(FrontOfficeDb db, Service service, DateTime nowUtc, CancellationToken ct)
    {
        var counts = await CountsAsync(db, service.Id, nowUtc, ct);
        var (_, wait) = await PositionAsync(db, service, TicketTier.Regular, counts.Regular, nowUtc, ct);
        return new QueueChangedEvent(0, service.Id, counts.Priority + counts.Regular + counts.Reception,
            new WaitRangeDto(wait.FromMinutes, wait.ToMinutes));
    }
}
