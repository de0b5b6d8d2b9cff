namespace OpenAlmaty.FrontOffice.Domain.Queue;

/// <summary>A wait range in whole minutes, as promised to a visitor.</summary>
public readonly record struct WaitRange(int FromMinutes, int ToMinutes);

/// <summary>
/// Estimates a visitor's wait from the service's own recent service times and its open desks:
/// the median (p50) gives the lower bound, the 80th percentile the upper. Service times vary
/// a lot between agencies (15 minutes budgeted, 30–60 common), so history beats a constant.
/// </summary>
public static class WaitEstimate
{
    /// <summary>Below this many samples the service's configured default time fills in.</summary>
    public const int MinimumSamples = 5;

    public static WaitRange Estimate(
        int peopleAhead, IReadOnlyList<TimeSpan> recentServiceTimes, int openDesks, TimeSpan defaultServiceTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peopleAhead);
        var (p50, p80) = Percentiles(recentServiceTimes, defaultServiceTime);
        var desks = Math.Max(1, openDesks);

        // People ahead are served in parallel by the open desks; the visitor's own turn comes when
        // the next desk frees, which is on average half a service later, at worst a whole one.
        var from = (int)Math.Floor(peopleAhead * p50.TotalMinutes / desks);
        var to = (int)Math.Ceiling((peopleAhead + 1) * p80.TotalMinutes / desks);
        return new WaitRange(from, Math.Max(from, to));
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
