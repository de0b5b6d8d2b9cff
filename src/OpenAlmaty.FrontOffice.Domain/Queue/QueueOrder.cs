using System.Linq.Expressions;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Domain.Queue;

/// <summary>A waiting ticket as the ordering rules see it.</summary>
/// <param name="Prefix">With <paramref name="Number"/>, unique in a service day: the tie-break of equal arrivals.</param>
/// <param name="ReservedDeskId">A transfer to a named desk: only that desk calls the ticket while it serves.</param>
public sealed record QueueEntry(
    Guid TicketId, int ServiceId, TicketTier Tier, DateTime ArrivedAt, DateTime? AppointmentAt,
    string Prefix = "", int Number = 0, int? ReservedDeskId = null)
{
    /// <summary>The rule of <see cref="QueueOrder.CallableAt"/>, for a ticket already in memory.</summary>
    public bool IsCallableAt(int deskId, IReadOnlyCollection<int> servingDesks) =>
        ReservedDeskId is not { } reserved || reserved == deskId || !servingDesks.Contains(reserved);

    /// <summary>A ticket as the rules see it, for queries (the database reads only these columns).</summary>
    public static readonly Expression<Func<Ticket, QueueEntry>> FromTicket =
        t => new QueueEntry(t.Id, t.ServiceId, t.Tier, t.ArrivedAt, t.AppointmentAt, t.Prefix, t.Number, t.ReservedDeskId);

    private static readonly Func<Ticket, QueueEntry> FromLoadedTicket = FromTicket.Compile();

    public static QueueEntry Of(Ticket t) => FromLoadedTicket(t);
}

/// <summary>A desk's waiting list in the order that desk will call it, and the tickets of its
/// services that wait for another desk (a transfer to a named desk that serves now).</summary>
public sealed record DeskQueue(IReadOnlyList<QueueEntry> CallOrder, IReadOnlyList<QueueEntry> ReservedElsewhere);

/// <summary>The ratio state of one service: regular calls made since the last priority call.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="PriorityRatio">Regular calls between two priority calls (default 2).</param>
/// <param name="RegularsSincePriority">Null until the first priority call of the day: a priority
/// visitor who arrives first then goes first.</param>
public sealed record ServiceRatio(int ServiceId, int PriorityRatio, int? RegularsSincePriority)
{
    public bool PriorityIsDue => RegularsSincePriority is null || RegularsSincePriority >= PriorityRatio;

    public ServiceRatio After(TicketTier calledTier) => calledTier switch
    {
        TicketTier.Priority => this with { RegularsSincePriority = 0 },
        TicketTier.Regular => this with { RegularsSincePriority = (RegularsSincePriority ?? PriorityRatio) + 1 },
        _ => this,
    };
}

/// <summary>How many tickets wait in each tier.</summary>
public readonly record struct TierCounts(int Priority, int Regular, int Reception);

/// <summary>The decision of a call: which ticket, and why.</summary>
public sealed record CallDecision(QueueEntry Entry, CallReason Reason);

/// <summary>
/// The ordering rules of the queue, pure: booked receptions at their slot time first; then
/// priority and regular visitors by the ratio rule (default 1 priority : 2 regular); then arrival.
/// </summary>
public static class QueueOrder
{
    /// <param name="waiting">The waiting tickets, or just the head of each tier of each service:
    /// only heads can be chosen.</param>
    /// <param name="ratios">The ratio state of each service.</param>
    /// <param name="nowUtc">Now.</param>
    /// <param name="counts">How many wait in each tier, for the reason; counted from
    /// <paramref name="waiting"/> when not given.</param>
    public static CallDecision? ChooseNext(
        IReadOnlyCollection<QueueEntry> waiting,
        IReadOnlyDictionary<int, ServiceRatio> ratios,
        DateTime nowUtc,
        TierCounts? counts = null)
    {
        if (waiting.Count == 0)
        {
            return null;
        }

        var reception = Head(waiting, TicketTier.Reception);
        var priority = Head(waiting, TicketTier.Priority);
        var regular = Head(waiting, TicketTier.Regular);
        var c = counts ?? new TierCounts(waiting.Count(e => e.Tier == TicketTier.Priority),
            waiting.Count(e => e.Tier == TicketTier.Regular), waiting.Count(e => e.Tier == TicketTier.Reception));

        CallDecision Decide(QueueEntry entry, string rule)
        {
            var ratio = RatioOf(ratios, entry.ServiceId);
            return new CallDecision(entry, new CallReason(rule, entry.Tier.ToString(),
                ratio.RegularsSincePriority ?? ratio.PriorityRatio, ratio.PriorityRatio, c.Priority, c.Regular, c.Reception));
        }

        // Receptions are ordered by slot, so when the first has not come yet none has.
        if (reception is not null && reception.AppointmentAt <= nowUtc)
        {
            return Decide(reception, CallRules.ReceptionSlot);
        }

        if (priority is not null && (regular is null || RatioOf(ratios, priority.ServiceId).PriorityIsDue))
        {
            return Decide(priority, regular is null ? CallRules.Arrival : CallRules.PriorityRatio);
        }

        if (regular is not null)
        {
            return Decide(regular, CallRules.Arrival);
        }

        return Decide(reception!, CallRules.ReceptionEarly);
    }

    /// <summary>
    /// The one tie-break of the queue: within a tier, receptions by slot, then everyone by arrival,
    /// then by prefix and number (unique in a service day; arrivals tie when two kiosks issue in
    /// the same tick, or under a test clock). <see cref="InTierOrder"/> is the same key for SQL.
    /// </summary>
    public static int CompareInTier(QueueEntry a, QueueEntry b)
    {
        var bySlot = a.Tier == TicketTier.Reception ? Nullable.Compare(a.AppointmentAt, b.AppointmentAt) : 0;
        var byArrival = a.ArrivedAt.CompareTo(b.ArrivedAt);
        var byPrefix = string.CompareOrdinal(a.Prefix, b.Prefix);
        var byNumber = a.Number.CompareTo(b.Number);
        return bySlot != 0 ? bySlot
            : byArrival != 0 ? byArrival
            : byPrefix != 0 ? byPrefix
            : byNumber != 0 ? byNumber
            : a.TicketId.CompareTo(b.TicketId);
    }

    /// <summary><see cref="CompareInTier"/> as a query order, so the database reads heads by the same key.</summary>
    public static IOrderedQueryable<Ticket> InTierOrder(this IQueryable<Ticket> tickets, TicketTier tier) =>
        tier == TicketTier.Reception
            ? tickets.OrderBy(t => t.AppointmentAt).ThenBy(t => t.ArrivedAt).ThenBy(t => t.Prefix).ThenBy(t => t.Number)
            : tickets.OrderBy(t => t.ArrivedAt).ThenBy(t => t.Prefix).ThenBy(t => t.Number);

    /// <summary>The tickets of the same tier ahead of <paramref name="ticket"/> by <see cref="CompareInTier"/>, as a query filter.</summary>
    public static Expression<Func<Ticket, bool>> AheadInTier(Ticket ticket) =>
        AheadInTier(ticket.Tier, ticket.AppointmentAt, ticket.ArrivedAt, ticket.Prefix, ticket.Number);

    /// <summary>The same for a ticket about to be issued with these keys.</summary>
    public static Expression<Func<Ticket, bool>> AheadInTier(TicketTier tier, DateTime? slot, DateTime arrived, string prefix, int number) =>
        tier == TicketTier.Reception
            ? t => t.AppointmentAt < slot || (t.AppointmentAt == slot && (t.ArrivedAt < arrived
                || (t.ArrivedAt == arrived && (string.Compare(t.Prefix, prefix) < 0 || (t.Prefix == prefix && t.Number < number)))))
            : t => t.ArrivedAt < arrived
                || (t.ArrivedAt == arrived && (string.Compare(t.Prefix, prefix) < 0 || (t.Prefix == prefix && t.Number < number)));

    /// <summary>
    /// Which waiting tickets a desk may call: any of its services' tickets, except those sent to
    /// another named desk that serves now (once that desk stops serving, anyone serves them).
    /// </summary>
    public static Expression<Func<Ticket, bool>> CallableAt(int deskId, int[] servingDesks) =>
        t => t.ReservedDeskId == null || t.ReservedDeskId == deskId || !servingDesks.Contains(t.ReservedDeskId.Value);

    /// <summary>
    /// The call order of a desk: what <see cref="ChooseNext"/> picks, one call after another, if
    /// nobody new came. This is the officer's list; positions on tickets are read from the same rule.
    /// </summary>
    public static DeskQueue ForDesk(
        IReadOnlyCollection<QueueEntry> waiting, IReadOnlyDictionary<int, ServiceRatio> ratios, DateTime nowUtc,
        int deskId, IReadOnlyCollection<int> servingDesks)
    {
        var callable = waiting.Where(e => e.IsCallableAt(deskId, servingDesks)).ToList();
        var elsewhere = waiting.Where(e => !e.IsCallableAt(deskId, servingDesks)).Order(InTierComparer).ToList();
        return new DeskQueue(Sequence(callable, ratios, nowUtc), elsewhere);
    }

    /// <summary>Repeated <see cref="ChooseNext"/> over sorted tiers: the order is the call rule itself, not a copy of it.</summary>
    private static List<QueueEntry> Sequence(IReadOnlyCollection<QueueEntry> waiting, IReadOnlyDictionary<int, ServiceRatio> ratios, DateTime nowUtc)
    {
        var tiers = new[] { TicketTier.Reception, TicketTier.Priority, TicketTier.Regular }
            .ToDictionary(t => t, t => new Queue<QueueEntry>(waiting.Where(e => e.Tier == t).Order(InTierComparer)));
        var current = new Dictionary<int, ServiceRatio>(ratios);
        var ordered = new List<QueueEntry>(waiting.Count);
        while (true)
        {
            var heads = tiers.Values.Where(q => q.Count > 0).Select(q => q.Peek()).ToList();
            var counts = new TierCounts(tiers[TicketTier.Priority].Count, tiers[TicketTier.Regular].Count, tiers[TicketTier.Reception].Count);
            if (ChooseNext(heads, current, nowUtc, counts) is not { } decision)
            {
                return ordered;
            }

            var entry = tiers[decision.Entry.Tier].Dequeue();
            ordered.Add(entry);
            current[entry.ServiceId] = RatioOf(current, entry.ServiceId).After(entry.Tier);
        }
    }

    private static readonly IComparer<QueueEntry> InTierComparer = Comparer<QueueEntry>.Create(CompareInTier);

    private static QueueEntry? Head(IEnumerable<QueueEntry> waiting, TicketTier tier)
    {
        QueueEntry? head = null;
        foreach (var e in waiting)
        {
            if (e.Tier == tier && (head is null || CompareInTier(e, head) < 0))
            {
                head = e;
            }
        }

        return head;
    }

    /// <summary>
    /// The whole queue of one service in the order it would be called if nobody new came: the
    /// plain statement of the rules that <see cref="PeopleAhead"/> computes from counts alone
    /// (a test checks one against the other).
    /// </summary>
    public static IReadOnlyList<QueueEntry> Rank(
        IReadOnlyCollection<QueueEntry> waiting, ServiceRatio ratio, DateTime nowUtc) =>
        Sequence(waiting, new Dictionary<int, ServiceRatio> { [ratio.ServiceId] = ratio }, nowUtc);

    /// <summary>
    /// How many are called before the <paramref name="indexInTier"/>-th (0-based) ticket of its
    /// tier, if nobody new came; counted from the tier sizes alone, so no queue is loaded.
    /// Booked receptions whose slot has come are all ahead of walk-ins.
    /// </summary>
    public static int PeopleAhead(TicketTier tier, int indexInTier, TierCounts waiting, int dueReceptions, ServiceRatio ratio)
    {
        if (tier == TicketTier.Reception)
        {
            return indexInTier < dueReceptions ? indexInTier : waiting.Priority + waiting.Regular + indexInTier;
        }

        var (priorityLeft, regularLeft, ahead, current) = (waiting.Priority, waiting.Regular, dueReceptions, ratio);
        var (seenOfTier, target) = (0, indexInTier);
        while (true)
        {
            // The ticket itself is counted as present in its tier even when it is new.
            var priorityPresent = tier == TicketTier.Priority ? Math.Max(priorityLeft, target - seenOfTier + 1) : priorityLeft;
            var regularPresent = tier == TicketTier.Regular ? Math.Max(regularLeft, target - seenOfTier + 1) : regularLeft;
            var takePriority = priorityPresent > 0 && (regularPresent == 0 || current.PriorityIsDue);
            var takenTier = takePriority ? TicketTier.Priority : TicketTier.Regular;
            if (takenTier == tier)
            {
                if (seenOfTier == target)
                {
                    return ahead;
                }

                seenOfTier++;
            }

            if (takePriority)
            {
                priorityLeft--;
            }
            else
            {
                regularLeft--;
            }

            ahead++;
            current = current.After(takenTier);
        }
    }

    private static ServiceRatio RatioOf(IReadOnlyDictionary<int, ServiceRatio> ratios, int serviceId) =>
        ratios.TryGetValue(serviceId, out var ratio) ? ratio : new ServiceRatio(serviceId, 2, null);
}
