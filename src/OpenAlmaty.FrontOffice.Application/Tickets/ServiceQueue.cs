using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>
/// One service's queue today as the database knows it, loaded with a handful of index seeks and
/// counts (so a long queue costs little); positions and waits are then worked out in memory by
/// the domain rules.
/// </summary>
/// <param name="ServingDesks">Desks of the service open with an officer at them (<see cref="Desk.Serving"/>).</param>
public sealed record ServiceQueue(
    Service Service, TierCounts Waiting, int DueReceptions, ServiceRatio Ratio, IReadOnlyList<TimeSpan> ServiceTimes, int ServingDesks,
    DateTime NowUtc)
{
    /// <summary>How many recent service times a wait estimate learns from.</summary>
    public const int ServiceTimeSamples = 50;

    public int WaitingTotal => Waiting.Priority + Waiting.Regular + Waiting.Reception;

    // Every issue and every call reads these: compiled once, EF skips translating them each time.
    private sealed record TierCount(TicketTier Tier, int Count);

    private sealed record CallSpan(DateTime Start, DateTime End);

    /// <summary>The tickets of <see cref="WaitingToday"/>, counted per tier.</summary>
    private static readonly Func<FrontOfficeDb, int, DateTime, IAsyncEnumerable<TierCount>> WaitingByTier =
        EF.CompileAsyncQuery((FrontOfficeDb db, int serviceId, DateTime from) =>
            db.Tickets.Where(t => t.ServiceId == serviceId && t.State == TicketState.Waiting && t.ArrivedAt >= from)
                .GroupBy(t => t.Tier).Select(g => new TierCount(g.Key, g.Count())));

    private static readonly Func<FrontOfficeDb, int, CancellationToken, Task<QueueCounter?>> CounterOf =
        EF.CompileAsyncQuery((FrontOfficeDb db, int serviceId, CancellationToken ct) =>
            db.QueueCounters.AsNoTracking().SingleOrDefault(c => c.ServiceId == serviceId));

    private static readonly Func<FrontOfficeDb, int, IAsyncEnumerable<CallSpan>> RecentCalls =
        EF.CompileAsyncQuery((FrontOfficeDb db, int serviceId) =>
            db.TicketCalls
                .Where(c => c.ServiceId == serviceId && c.EndedAt != null
                    && (c.Outcome == CallOutcome.Completed || c.Outcome == CallOutcome.Transferred))
                .OrderByDescending(c => c.EndedAt)
                .Take(ServiceTimeSamples)
                .Select(c => new CallSpan(c.ServingStartedAt ?? c.CalledAt, c.EndedAt!.Value)));

    /// <summary>Desks of the service that serve now, by the one rule of <see cref="Desk.Serving"/>.</summary>
    public static Task<int> ServingDeskCountAsync(FrontOfficeDb db, int serviceId, CancellationToken ct) =>
        db.DeskServices.Where(l => l.ServiceId == serviceId)
            .Join(db.Desks.Where(Desk.Serving), l => l.DeskId, d => d.Id, (l, d) => d.Id)
            .CountAsync(ct);

    public static IQueryable<Ticket> WaitingToday(FrontOfficeDb db, int serviceId, DateTime nowUtc)
    {
        var from = AlmatyClock.StartOfDayUtc(AlmatyClock.ServiceDay(nowUtc));
        return db.Tickets.Where(t => t.ServiceId == serviceId && t.State == TicketState.Waiting && t.ArrivedAt >= from);
    }

    /// <summary>
    /// The slow-changing part of a queue: recent service times and serving desks. Use cases read it
    /// before they take the write lock, so that the locked part stays short.
    /// </summary>
    public sealed record History(IReadOnlyList<TimeSpan> ServiceTimes, int ServingDesks);

    /// <summary>The service's history, kept between tickets by <see cref="WaitHistory"/> where the application runs.</summary>
    public static Task<History> LoadHistoryAsync(FrontOfficeDb db, int serviceId, CancellationToken ct) =>
        Transactions.Service<WaitHistory>(db) is { } kept
            ? kept.GetAsync(db, serviceId, () => ReadHistoryAsync(db, serviceId, ct))
            : ReadHistoryAsync(db, serviceId, ct);

    private static async Task<History> ReadHistoryAsync(FrontOfficeDb db, int serviceId, CancellationToken ct)
    {
        var times = new List<TimeSpan>(ServiceTimeSamples);
        await foreach (var call in RecentCalls(db, serviceId).WithCancellation(ct))
        {
            if (call.End - call.Start is { Ticks: > 0 } time)
            {
                times.Add(time);
            }
        }

        return new History(times, await ServingDeskCountAsync(db, serviceId, ct));
    }

    public static async Task<ServiceQueue> LoadAsync(FrontOfficeDb db, Service service, DateTime nowUtc, CancellationToken ct, History? history = null)
    {
        var today = AlmatyClock.ServiceDay(nowUtc);
        var counts = await WaitingAsync(db, service.Id, today, ct);
        var due = counts.Reception == 0 ? 0
            : await WaitingToday(db, service.Id, nowUtc).CountAsync(t => t.Tier == TicketTier.Reception && t.AppointmentAt <= nowUtc, ct);

        var ratio = await RatioAsync(db, service, today, ct);

        history ??= await LoadHistoryAsync(db, service.Id, ct);
        return new ServiceQueue(service, counts, due, ratio, history.ServiceTimes, history.ServingDesks, nowUtc);
    }

    /// <summary>Who waits today per tier: from the writer's memory inside a write, else from the database.</summary>
    private static async Task<TierCounts> WaitingAsync(FrontOfficeDb db, int serviceId, DateOnly today, CancellationToken ct)
    {
        if (DayCounters.Of(db) is { } counters)
        {
            return await counters.WaitingAsync(serviceId, today, ct);
        }

        var waiting = new Dictionary<TicketTier, int>();
        await foreach (var group in WaitingByTier(db, serviceId, AlmatyClock.StartOfDayUtc(today)).WithCancellation(ct))
        {
            waiting[group.Tier] = group.Count;
        }

        return new TierCounts(waiting.GetValueOrDefault(TicketTier.Priority), waiting.GetValueOrDefault(TicketTier.Regular),
            waiting.GetValueOrDefault(TicketTier.Reception));
    }

    /// <summary>The service's ratio state today: the counter of an earlier day does not count.</summary>
    public static async Task<ServiceRatio> RatioAsync(FrontOfficeDb db, Service service, DateOnly today, CancellationToken ct)
    {
        var counter = DayCounters.Of(db) is { } counters
            ? await counters.RatioAsync(service.Id, today, ct)
            : await CounterOf(db, service.Id, ct) is { } row ? (row.ServiceDay, row.RegularsSincePriority) : null;
        return new ServiceRatio(service.Id, service.PriorityRatio, counter is { } c && c.Day == today ? c.Regulars : null);
    }

    /// <summary>
    /// People ahead of the <paramref name="indexInTier"/>-th ticket of a tier (its place in
    /// <see cref="QueueOrder"/>'s order, by the one tie-break), and its wait: a booked reception
    /// waits for its <paramref name="slotUtc"/>, everyone else for the desks that serve now.
    /// </summary>
    public (int PeopleAhead, WaitRange Wait) Position(TicketTier tier, int indexInTier, DateTime? slotUtc = null)
    {
        var ahead = QueueOrder.PeopleAhead(tier, indexInTier, Waiting, DueReceptions, Ratio);
        return (ahead, tier == TicketTier.Reception && slotUtc is { } slot
            ? WaitEstimate.UntilSlot(slot, NowUtc)
            : WaitEstimate.Estimate(ahead, ServiceTimes, ServingDesks, TimeSpan.FromMinutes(Service.DefaultServiceMinutes)));
    }

    /// <summary>Where a ticket that joins now in <paramref name="tier"/> stands.</summary>
    public (int PeopleAhead, WaitRange Wait) Newcomer(TicketTier tier, DateTime? slotUtc = null) => Position(tier, tier switch
    {
        TicketTier.Priority => Waiting.Priority,
        TicketTier.Regular => Waiting.Regular,
        _ => Waiting.Reception,
    }, slotUtc);

    /// <summary>A wait for the wire: with no desk serving, also when the service's hours next begin (if it is closed now).</summary>
    public WaitRangeDto ToDto(WaitRange wait) => new(wait.FromMinutes, wait.ToMinutes, TicketView.BasisName(wait.Basis),
        wait.Basis == WaitBasis.NoDeskServing && !Service.IsOpenAt(NowUtc, trainingMode: false) && Service.OpensNextAt(NowUtc) is { } opens
            ? TicketView.Utc(opens) : null);

    /// <summary>The queue with one more ticket in <paramref name="tier"/> (a reception whose slot has come is due at once).</summary>
    public ServiceQueue With(TicketTier tier, bool dueReception = false) => this with
    {
        DueReceptions = dueReception ? DueReceptions + 1 : DueReceptions,
        Waiting = tier switch
        {
            TicketTier.Priority => Waiting with { Priority = Waiting.Priority + 1 },
            TicketTier.Regular => Waiting with { Regular = Waiting.Regular + 1 },
            _ => Waiting with { Reception = Waiting.Reception + 1 },
        },
    };

    /// <summary>The queue after its <paramref name="tier"/> head was called.</summary>
    public ServiceQueue AfterCall(TicketTier tier, bool wasDueReception) => this with
    {
        Waiting = tier switch
        {
            TicketTier.Priority => Waiting with { Priority = Waiting.Priority - 1 },
            TicketTier.Regular => Waiting with { Regular = Waiting.Regular - 1 },
            _ => Waiting with { Reception = Waiting.Reception - 1 },
        },
        DueReceptions = wasDueReception ? DueReceptions - 1 : DueReceptions,
        Ratio = Ratio.After(tier),
    };

    /// <summary>The hall's view: how many wait, and the range a regular newcomer is promised now.</summary>
    public QueueChangedEvent Changed()
    {
        var (_, wait) = Newcomer(TicketTier.Regular);
        return new QueueChangedEvent(0, Service.Id, WaitingTotal, ToDto(wait));
    }

    /// <summary>Saves pending changes, then reads the queue afresh for the hall.</summary>
    public static async Task<QueueChangedEvent> ChangedAsync(
        FrontOfficeDb db, Service service, DateTime nowUtc, CancellationToken ct, History? history = null)
    {
        await db.SaveChangesAsync(ct);
        return (await LoadAsync(db, service, nowUtc, ct, history)).Changed();
    }
}
