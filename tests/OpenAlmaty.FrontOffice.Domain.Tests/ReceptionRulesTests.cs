using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Receptions;

namespace OpenAlmaty.FrontOffice.Domain.Tests;

public class IinTests
{
    // Check digits computed outside .NET (a separate script), one set each way the rule decides.
    [Theory]
    [InlineData("900101194588")] // first weights
    [InlineData("900101107309")]
    [InlineData("900101113750")] // the first sum is 10 mod 11: the second weight set decides
    [InlineData("900101135897")]
    [InlineData(" 900101171403 ")] // spaces around are forgiven
    public void Valid_numbers_pass(string iin)
    {
        Assert.Equal(IinProblem.None, Iin.Check(iin));
        Assert.Equal(iin.Trim()[^4..], Iin.Parse(iin).LastFour);
    }

    [Theory]
    [InlineData("900101194589", IinProblem.BadCheckDigit)]
    [InlineData("900101113751", IinProblem.BadCheckDigit)]
    [InlineData("900101137470", IinProblem.BadCheckDigit)] // both weight sets give 10: no check digit exists
    [InlineData("900101137479", IinProblem.BadCheckDigit)]
    [InlineData("90010119458", IinProblem.WrongLength)]
    [InlineData("9001011945880", IinProblem.WrongLength)]
    [InlineData("", IinProblem.WrongLength)]
    [InlineData(null, IinProblem.WrongLength)]
    [InlineData("90010119458a", IinProblem.NotDigits)]
    [InlineData("9001-0119458", IinProblem.NotDigits)]
    [InlineData("٩٠٠١٠١١٩٤٥٨٨", IinProblem.NotDigits)] // Arabic-Indic digits are not ASCII digits
    public void Invalid_numbers_say_why(string? iin, IinProblem problem)
    {
        Assert.Equal(problem, Iin.Check(iin));
        var refused = Assert.Throws<DomainRuleException>(() => Iin.Parse(iin));
        Assert.Equal(DomainRule.InvalidIin, refused.Rule);
    }

    [Fact]
    public void The_number_never_shows_in_text()
    {
        var iin = Iin.Parse("900101194588");
        Assert.DoesNotContain("90010119", iin.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("4588", iin.ToString(), StringComparison.Ordinal);
    }
}

public class WorkingCalendarTests
{
    /// <summary>Spring 2026: Nauryz 21–23 March falls on Sat–Mon, so the 24th is off; a Saturday made working in exchange.</summary>
    private static readonly WorkingCalendar Spring = new(
        [new(2026, 3, 9), new(2026, 3, 23), new(2026, 3, 24), new(2026, 3, 25), new(2026, 5, 1)],
        [new(2026, 3, 28)]);

    [Fact]
    public void Weekends_holidays_and_transfers_decide_a_working_day()
    {
        Assert.True(Spring.IsWorkingDay(new(2026, 3, 20)));   // Friday
        Assert.False(Spring.IsWorkingDay(new(2026, 3, 21)));  // Saturday
        Assert.False(Spring.IsWorkingDay(new(2026, 3, 24)));  // moved day off
        Assert.True(Spring.IsWorkingDay(new(2026, 3, 28)));   // Saturday made working
        Assert.False(Spring.IsWorkingDay(new(2026, 3, 29)));  // Sunday
    }

    [Fact]
    public void Working_days_are_counted_past_holidays_and_onto_a_working_saturday()
    {
        // From Friday 20 March: 26, 27 (Thu, Fri), 28 (working Saturday), 30, 31.
        Assert.Equal(new DateOnly(2026, 3, 26), Spring.AddWorkingDays(new(2026, 3, 20), 1));
        Assert.Equal(new DateOnly(2026, 3, 28), Spring.AddWorkingDays(new(2026, 3, 20), 3));
        Assert.Equal(new DateOnly(2026, 3, 31), Spring.AddWorkingDays(new(2026, 3, 20), 5));
        Assert.Equal(new DateOnly(2026, 3, 20), Spring.AddWorkingDays(new(2026, 3, 20), 0));
    }

    [Fact]
    public void A_calendar_that_contradicts_itself_is_refused()
    {
        Assert.Equal(DomainRule.InvalidCalendar, Assert.Throws<DomainRuleException>(() =>
            new WorkingCalendar([new(2026, 3, 28)], [new(2026, 3, 28)])).Rule);
        Assert.Equal(DomainRule.InvalidCalendar, Assert.Throws<DomainRuleException>(() =>
            new WorkingCalendar([], [new(2026, 3, 27)])).Rule); // a Friday cannot be "made working"
    }
}

public class AppealDeadlineTests
{
    private static readonly WorkingCalendar Spring = new(
        [new(2026, 3, 9), new(2026, 3, 23), new(2026, 3, 24), new(2026, 3, 25), new(2026, 5, 1)],
        [new(2026, 3, 28)]);

    [Fact]
    public void Fifteen_working_days_skip_the_holidays_and_count_the_working_saturday()
    {
        // Registered Wed 18 March: 19, 20, 26, 27, 28(Sat), 30, 31, 1, 2, 3, 6, 7, 8, 9, 10 April.
        var deadline = AppealDeadline.Register(new(2026, 3, 18), Spring);
        Assert.Equal(new DateOnly(2026, 4, 10), deadline.DueOn);

        // Without the holidays and the transfer the same count ends two days earlier.
        var plain = AppealDeadline.Register(new(2026, 3, 18), new WorkingCalendar([], []));
        Assert.Equal(new DateOnly(2026, 4, 8), plain.DueOn);
    }

    [Fact]
    public void An_extension_goes_up_to_two_months_and_the_resident_is_told_within_three_working_days()
    {
        var deadline = AppealDeadline.Register(new(2026, 3, 18), Spring);
        var extended = deadline.Extend(new(2026, 3, 20), new(2026, 5, 18), Spring);
        Assert.Equal(new DateOnly(2026, 5, 18), extended.DueOn);
        Assert.Equal(new DateOnly(2026, 3, 28), extended.TellResidentBy); // from Fri 20: 26, 27 and the working Saturday 28
        Assert.Throws<DomainRuleException>(() => deadline.Extend(new(2026, 3, 20), new(2026, 5, 19), Spring));
        Assert.Throws<DomainRuleException>(() => deadline.Extend(new(2026, 4, 13), new(2026, 5, 1), Spring));
        Assert.Throws<DomainRuleException>(() => deadline.Extend(new(2026, 3, 20), new(2026, 4, 9), Spring));
    }

    [Fact]
    public void Standing_is_on_time_then_near_due_then_overdue()
    {
        var deadline = AppealDeadline.Register(new(2026, 3, 18), Spring); // due 10 April (Friday)
        Assert.Equal(AppealStanding.OnTime, deadline.StandingOn(new(2026, 4, 3), Spring));
        Assert.Equal(AppealStanding.NearDue, deadline.StandingOn(new(2026, 4, 7), Spring));
        Assert.Equal(AppealStanding.NearDue, deadline.StandingOn(new(2026, 4, 10), Spring));
        Assert.Equal(AppealStanding.Overdue, deadline.StandingOn(new(2026, 4, 11), Spring));
    }
}
