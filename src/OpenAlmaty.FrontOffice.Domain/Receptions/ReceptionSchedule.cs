using OpenAlmaty.FrontOffice.Domain.Calendar;

namespace OpenAlmaty.FrontOffice.Domain.Receptions;

/// <summary>
/// A deputy akim's weekly reception: which weekday, the hours, slots and places, the desk. Sessions
/// are generated from it some weeks ahead, on working days only; a date an admin cancelled, or one
/// that already has a session of this schedule, is left alone.
/// </summary>
public sealed class ReceptionSchedule
{
    public Guid Id { get; init; }
    public required string DeputyName { get; init; }
    public int? DistrictAgencyId { get; init; }
    public DayOfWeek Weekday { get; init; }
    public TimeOnly Start { get; init; }
    public TimeOnly End { get; init; }
    public int SlotMinutes { get; init; }
    public int PlacesPerSlot { get; init; }
    public int? DeskId { get; init; }
    public DateOnly ActiveFrom { get; init; }
    public DateOnly? ActiveUntil { get; set; }

    public static ReceptionSchedule Create(Guid id, string deputyName, int? districtAgencyId, DayOfWeek weekday, TimeOnly start, TimeOnly end,
        int slotMinutes, int placesPerSlot, int? deskId, DateOnly activeFrom)
    {
        if (weekday is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            throw new DomainRuleException(DomainRule.InvalidSession, "Weekly receptions are held on weekdays.");
        }

        // The same checks as a session's, made once on a sample day.
        ReceptionSession.Plan(id, deputyName, districtAgencyId, activeFrom, start, end, slotMinutes, placesPerSlot, deskId);
        return new ReceptionSchedule
        {
            Id = id, DeputyName = deputyName.Trim(), DistrictAgencyId = districtAgencyId, Weekday = weekday, Start = start, End = end,
            SlotMinutes = slotMinutes, PlacesPerSlot = placesPerSlot, DeskId = deskId, ActiveFrom = activeFrom,
        };
    }

    /// <summary>The dates from <paramref name="from"/> up to <paramref name="until"/> that should have a session and do not yet.</summary>
    /// <param name="taken">Dates that already have this deputy's session, held or cancelled.</param>
    public IReadOnlyList<DateOnly> DatesToGenerate(DateOnly from, DateOnly until, WorkingCalendar calendar, IReadOnlySet<DateOnly> taken)
    {
        var dates = new List<DateOnly>();
        var first = from < ActiveFrom ? ActiveFrom : from;
        var last = ActiveUntil is { } end && end < until ? end : until;
        for (var day = first.AddDays(((int)Weekday - (int)first.DayOfWeek + 7) % 7); day <= last; day = day.AddDays(7))
        {
            if (calendar.IsWorkingDay(day) && !taken.Contains(day))
            {
                dates.Add(day);
            }
        }

        return dates;
    }

    public ReceptionSession SessionOn(DateOnly date, Guid id) =>
        ReceptionSession.Plan(id, DeputyName, DistrictAgencyId, date, Start, End, SlotMinutes, PlacesPerSlot, DeskId);
}
