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

    // The first six digits are the birth date (YYMMDD) and the seventh the century with the sex:
    // 1–2 born in the 1800s, 3–4 in the 1900s, 5–6 in the 2000s. A number whose check digit matches
    // but whose date cannot be is still refused: 000000000000, the 30th of February, month 13.
    [Theory]
    [InlineData("000000000000", IinProblem.BadCenturyDigit)] // and 00 00 00 is no date either
    [InlineData("9002303", IinProblem.BadBirthDate)] // 30 February 1990
    [InlineData("9013013", IinProblem.BadBirthDate)] // month 13
    [InlineData("9001003", IinProblem.BadBirthDate)] // day 00
    [InlineData("9000013", IinProblem.BadBirthDate)] // month 00
    [InlineData("9004313", IinProblem.BadBirthDate)] // 31 April
    [InlineData("0102295", IinProblem.BadBirthDate)] // 29 February 2001 (not a leap year)
    [InlineData("9001010", IinProblem.BadCenturyDigit)] // century digit 0
    [InlineData("9001017", IinProblem.BadCenturyDigit)] // century digit 7
    [InlineData("9001019", IinProblem.BadCenturyDigit)] // century digit 9
    public void Impossible_birth_dates_and_century_digits_are_refused(string start, IinProblem problem)
    {
        var iin = start.Length == 12 ? start : WithCheckDigit(start);
        Assert.Equal(problem, Iin.Check(iin));
        var refused = Assert.Throws<DomainRuleException>(() => Iin.Parse(iin));
        Assert.Equal(DomainRule.InvalidIin, refused.Rule);
    }

    [Theory]
    [InlineData("0002296")] // 29 February 2000, a woman born in the 2000s
    [InlineData("9612314")] // 31 December 1996, a woman born in the 1900s
    [InlineData("5503153")] // 15 March 1955
    [InlineData("9901012")] // 1 January 1899
    public void Real_birth_dates_with_any_century_digit_pass(string start)
    {
        Assert.Equal(IinProblem.None, Iin.Check(WithCheckDigit(start)));
    }

    /// <summary>Seven digits of date and century, a serial, and the check digit: a number whose only fault (if any) is its date.</summary>
    private static string WithCheckDigit(string dateAndCentury)
    {
        for (var serial = 0; serial < 10000; serial++)
        {
            var eleven = dateAndCentury + serial.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            if (Iin.CheckDigit(eleven) is { } check)
            {
                return eleven + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("No serial gives a check digit.");
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
