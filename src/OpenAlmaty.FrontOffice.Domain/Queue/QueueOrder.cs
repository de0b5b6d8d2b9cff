using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Domain.Queue;

/// <summary>A waiting ticket as the ordering rules see it.</summary>
public sealed record QueueEntry(Guid TicketId, int ServiceId, TicketTier Tier, DateTime ArrivedAt, DateTime? AppointmentAt);

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

        var reception = waiting.Where(e => e.Tier == TicketTier.Reception)
            .OrderBy(e => e.AppointmentAt).ThenBy(e => e.ArrivedAt).ThenBy(e => e.TicketId).ToList();
        var priority = waiting.Where(e => e.Tier == TicketTier.Priority)
            .OrderBy(e => e.ArrivedAt).ThenBy(e => e.TicketId).FirstOrDefault();
        var regular = waiting.Where(e => e.Tier == TicketTier.Regular)
            .OrderBy(e => e.ArrivedAt).ThenBy(e => e.TicketId).FirstOrDefault();
        var c = counts ?? new TierCounts(waiting.Count(e => e.Tier == TicketTier.Priority),
            waiting.Count(e => e.Tier == TicketTier.Regular), reception.Count);

        CallDecision Decide(QueueEntry entry, string rule)
        {
            var ratio = RatioOf(ratios, entry.ServiceId);
            return new CallDecision(entry, new CallReason(rule, entry.Tier.ToString(),
                ratio.RegularsSincePriority ?? ratio.PriorityRatio, ratio.PriorityRatio, c.Priority, c.Regular, c.Reception));
        }

        var due = reception.FirstOrDefault(e => e.AppointmentAt <= nowUtc);
        if (due is not null)
        {
            return Decide(due, CallRules.ReceptionSlot);
        }

        if (priority is not null && (regular is null || RatioOf(ratios, priority.ServiceId).PriorityIsDue))
        {
            return Decide(priority, regular is null ? CallRules.Arrival : CallRules.PriorityRatio);
        }

        if (regular is not null)
        {
            return Decide(regular, CallRules.Arrival);
        }

        return Decide(reception[0], CallRules.ReceptionEarly);
    }

    /// <summary>
    /// The whole queue of one service in the order it would be called if nobody new came: the
    /// plain statement of the rules that <see cref="PeopleAhead"/> computes from counts alone
    /// (a test checks one against the other).
    /// </summary>
    public static IReadOnlyList<QueueEntry> Rank(
        IReadOnlyCollection<QueueEntry> waiting, ServiceRatio ratio, DateTime nowUtc)
    {
        var remaining = new List<QueueEntry>(waiting);
        var ordered = new List<QueueEntry>(waiting.Count);

        // Reception tickets whose slot has come go first, then the two lines merge by the ratio.
        var due = remaining.Where(e => e.Tier == TicketTier.Reception && e.AppointmentAt <= nowUtc)
            .OrderBy(e => e.AppointmentAt).ThenBy(e => e.ArrivedAt).ToList();
        ordered.AddRange(due);
        var priority = new Queue<QueueEntry>(remaining.Where(e => e.Tier == TicketTier.Priority)
            .OrderBy(e => e.ArrivedAt).ThenBy(e => e.TicketId));
        var regular = new Queue<QueueEntry>(remaining.Where(e => e.Tier == TicketTier.Regular)
            .OrderBy(e => e.ArrivedAt).ThenBy(e => e.TicketId));
        var current = ratio;
        while (priority.Count > 0 || regular.Count > 0)
        {
            var takePriority = priority.Count > 0 && (regular.Count == 0 || current.PriorityIsDue);
            var next = takePriority ? priority.Dequeue() : regular.Dequeue();
            ordered.Add(next);
            current = current.After(next.Tier);
        }

        ordered.AddRange(remaining.Where(e => e.Tier == TicketTier.Reception && !(e.AppointmentAt <= nowUtc))
            .OrderBy(e => e.AppointmentAt));
        return ordered;
    }

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
