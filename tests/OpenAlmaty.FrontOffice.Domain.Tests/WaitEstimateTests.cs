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
        var range = WaitEstimate.Estimate(peopleAhead: 4, samples, servingDesks: 2, TimeSpan.FromMinutes(15));
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

    [Fact]
    public void With_no_desk_serving_there_is_no_number_to_promise()
    {
        var range = WaitEstimate.Estimate(peopleAhead: 3, Minutes(10, 10, 10, 10, 10), servingDesks: 0, TimeSpan.FromMinutes(15));
        Assert.Equal(WaitBasis.NoDeskServing, range.Basis);
    }

    [Fact]
    public void A_booked_reception_waits_until_its_slot()
    {
        var now = new DateTime(2026, 12, 4, 4, 50, 0, DateTimeKind.Utc);
        Assert.Equal(new WaitRange(10, 10, WaitBasis.Slot), WaitEstimate.UntilSlot(now.AddMinutes(10), now));
        Assert.Equal(new WaitRange(0, 0, WaitBasis.Slot), WaitEstimate.UntilSlot(now.AddMinutes(-5), now));
    }

    [Fact]
    public void Next_opening_is_the_next_period_start_in_Almaty_time()
    {
        var hours = Roster.WeeklyHours.Parse("Mon-Fri 09:00-18:00");
        // Friday 2026-12-04 19:00 → Monday 09:00.
        Assert.Equal(new DateTime(2026, 12, 7, 9, 0, 0), hours.NextOpening(new DateTime(2026, 12, 4, 19, 0, 0)));
        // Friday 08:00 → the same day at 09:00.
        Assert.Equal(new DateTime(2026, 12, 4, 9, 0, 0), hours.NextOpening(new DateTime(2026, 12, 4, 8, 0, 0)));
    }
}
