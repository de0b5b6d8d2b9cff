using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Roster;

namespace OpenAlmaty.FrontOffice.Domain.Tests;

public class CalendarTests
{
    [Fact]
    public void Service_day_turns_at_local_midnight_utc_plus_five()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), AlmatyClock.ServiceDay(new DateTime(2026, 11, 29, 19, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 11, 29), AlmatyClock.ServiceDay(new DateTime(2026, 11, 29, 18, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 11, 29, 19, 0, 0, DateTimeKind.Utc), AlmatyClock.StartOfDayUtc(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void Before_march_2024_almaty_was_utc_plus_six()
    {
        Assert.Equal(new DateOnly(2024, 2, 1), AlmatyClock.ServiceDay(new DateTime(2024, 1, 31, 18, 30, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("2026-11-30T09:00", true)]
    [InlineData("2026-11-30T08:59", false)]
    [InlineData("2026-11-30T18:00", false)]
    [InlineData("2026-12-05T11:00", true)]
    [InlineData("2026-12-06T11:00", false)]
    public void Hours_open_and_close_on_the_minute(string local, bool open)
    {
        var hours = WeeklyHours.Parse("Mon-Fri 09:00-18:00; Sat 10:00-14:00");
        Assert.Equal(open, hours.IsOpen(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mon-Fri 9-18")]
    [InlineData("Mon-Fry 09:00-18:00")]
    [InlineData("Mon 18:00-09:00")]
    public void Unreadable_hours_are_refused(string text)
    {
        Assert.Equal(DomainRule.InvalidHours, Assert.Throws<DomainRuleException>(() => WeeklyHours.Parse(text)).Rule);
    }

    [Fact]
    public void Hours_print_back_readably()
    {
        Assert.Equal("Mon,Tue,Wed,Thu,Fri 09:00-18:00", WeeklyHours.Parse("Mon-Fri 09:00-18:00").ToString());
    }

    [Fact]
    public void Domain_references_only_the_framework()
    {
        var references = typeof(WeeklyHours).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", name));
    }
}
