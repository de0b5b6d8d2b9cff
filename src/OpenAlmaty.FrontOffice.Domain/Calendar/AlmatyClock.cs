namespace OpenAlmaty.FrontOffice.Domain.Calendar;

/// <summary>
/// Local time of the office. Asia/Almaty is UTC+5 since 1 March 2024; the system's tz database
/// knows the history, so old records keep their true local times.
/// </summary>
public static class AlmatyClock
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The day a ticket number belongs to: numbering restarts at 00:00 local time.</summary>
    public static DateOnly ServiceDay(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The UTC instant at which a local day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC instant of a local date and time in Almaty.</summary>
    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}
