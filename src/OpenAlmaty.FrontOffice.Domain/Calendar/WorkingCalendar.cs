namespace OpenAlmaty.FrontOffice.Domain.Calendar;

/// <summary>
/// Which days are working days in Kazakhstan: Monday to Friday, less the public holidays and the
/// days off the government moves, plus the Saturdays it makes working in exchange. The days come
/// from a calendar file an admin keeps (the government decrees each year's transfers).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _workingWeekends;

    public WorkingCalendar(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> workingWeekends)
    {
        _daysOff = [.. daysOff];
        _workingWeekends = [.. workingWeekends];
        if (_daysOff.Overlaps(_workingWeekends))
        {
            throw new DomainRuleException(DomainRule.InvalidCalendar, "A day cannot be both a day off and a working day.");
        }

        if (_workingWeekends.FirstOrDefault(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) is { Year: > 1 } weekday)
        {
            throw new DomainRuleException(DomainRule.InvalidCalendar, $"{weekday:yyyy-MM-dd} is a weekday; only a weekend day can be made working.");
        }
    }

    public IReadOnlyList<DateOnly> DaysOff => [.. _daysOff.Order()];

    public IReadOnlyList<DateOnly> WorkingWeekends => [.. _workingWeekends.Order()];

    /// <summary>The last day the calendar file knows about: beyond it only weekends count, so admins add the next year in time.</summary>
    public DateOnly? KnownUntil => _daysOff.Concat(_workingWeekends).Select(d => (DateOnly?)d).Max();

    public bool IsWorkingDay(DateOnly day) =>
        _workingWeekends.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(day));

    /// <summary>The working day that is <paramref name="days"/> working days after <paramref name="from"/> (which itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }

        return day;
    }
}
