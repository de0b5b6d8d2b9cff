namespace OpenAlmaty.FrontOffice.Domain.Queue;

/// <summary>What a wait is based on.</summary>
public enum WaitBasis
{
    /// <summary>A range from recent service times and the desks that serve now.</summary>
    Estimate,

    /// <summary>No desk of the service has an officer now: no number can be honest.</summary>
    NoDeskServing,

    /// <summary>A booked reception: called at its slot time.</summary>
    Slot,
}

/// <summary>A wait range in whole minutes, as promised to a visitor, and what it rests on.</summary>
public readonly record struct WaitRange(int FromMinutes, int ToMinutes, WaitBasis Basis = WaitBasis.Estimate)
{
    public static WaitRange NoDeskServing => new(0, 0, WaitBasis.NoDeskServing);
}

/// <summary>
/// Estimates a visitor's wait from the service's own recent service times and its open desks:
/// the median (p50) gives the lower bound, the 80th percentile the upper. Service times vary
/// a lot between agencies (15 minutes budgeted, 30–60 common), so history beats a constant.
/// </summary>
public static class WaitEstimate
{
    /// <summary>Below this many samples the service's configured default time fills in.</summary>
    public const int MinimumSamples = 5;

    /// <param name="servingDesks">Desks of the service open with an officer at them; with none, the
    /// answer says so instead of a number.</param>
    public static WaitRange Estimate(
        int peopleAhead, IReadOnlyList<TimeSpan> recentServiceTimes, int servingDesks, TimeSpan defaultServiceTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peopleAhead);
        if (servingDesks <= 0)
        {
            return WaitRange.NoDeskServing;
        }

        var (p50, p80) = Percentiles(recentServiceTimes, defaultServiceTime);
        var desks = servingDesks;

        // People ahead are served in parallel by the open desks; the visitor's own turn comes when
        // the next desk frees, which is on average half a service later, at worst a whole one.
        var from = (int)Math.Floor(peopleAhead * p50.TotalMinutes / desks);
        var to = (int)Math.Ceiling((peopleAhead + 1) * p80.TotalMinutes / desks);
        return new WaitRange(from, Math.Max(from, to));
    }

    /// <summary>A booked reception waits for its slot, whatever the walk-in queue: minutes from now to the slot.</summary>
    public static WaitRange UntilSlot(DateTime slotUtc, DateTime nowUtc)
    {
        var minutes = Math.Max(0, (int)Math.Ceiling((slotUtc - nowUtc).TotalMinutes));
        return new WaitRange(minutes, minutes, WaitBasis.Slot);
    }

    public static (TimeSpan P50, TimeSpan P80) Percentiles(IReadOnlyList<TimeSpan> samples, TimeSpan fallback)
    {
        if (samples.Count < MinimumSamples)
        {
            return (fallback, fallback * 1.5);
        }

        var sorted = samples.Order().ToArray();
        return (Percentile(sorted, 0.5), Percentile(sorted, 0.8));
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    public static TimeSpan Percentile(TimeSpan[] ascending, double p)
    {
        var rank = (int)Math.Ceiling(p * ascending.Length);
        return ascending[Math.Clamp(rank - 1, 0, ascending.Length - 1)];
    }
}
