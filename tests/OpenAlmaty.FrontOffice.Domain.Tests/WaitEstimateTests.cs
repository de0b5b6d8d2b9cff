using OpenAlmaty.FrontOffice.Domain.Queue;

namespace OpenAlmaty.FrontOffice.Domain.Tests;

public class WaitEstimateTests
{
    private static TimeSpan[] Minutes(params int[] m) => m.Select(x => TimeSpan.FromMinutes(x)).ToArray();

    [Fact]
    public void Uses_median_and_80th_percentile_of_recent_service_times()
    {
        // p50 of 10..100 by tens = 50, p80 = 80 (nearest rank).
        var samples = Minutes(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        var range = WaitEstimate.Estimate(peopleAhead: 4, samples, openDesks: 2, TimeSpan.FromMinutes(15));
        Assert.Equal(new WaitRange(100, 200), range);
    }

    [Fact]
    public void More_open_desks_shorten_the_wait()
    {
        var samples = Minutes(20, 20, 20, 20, 20, 30);
        var one = WaitEstimate.Estimate(6, samples, 1, TimeSpan.FromMinutes(15));
        var three = WaitEstimate.Estimate(6, samples, 3, TimeSpan.FromMinutes(15));
        Assert.True(three.ToMinutes < one.ToMinutes);
        Assert.True(three.FromMinutes < one.FromMinutes);
    }

    [Fact]
    public void Falls_back_to_the_service_default_with_little_history()
    {
        var range = WaitEstimate.Estimate(2, Minutes(200), 1, TimeSpan.FromMinutes(15));
        Assert.Equal(new WaitRange(30, 68), range);
    }

    [Fact]
    public void First_in_line_with_a_desk_waits_from_zero()
    {
        var range = WaitEstimate.Estimate(0, [], 1, TimeSpan.FromMinutes(10));
        Assert.Equal(0, range.FromMinutes);
        Assert.Equal(15, range.ToMinutes);
    }
}
