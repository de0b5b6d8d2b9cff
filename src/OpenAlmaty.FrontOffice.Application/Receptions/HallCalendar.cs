using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Calendar;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// The working-day calendar in force: <c>&lt;data&gt;/calendar.json</c>, written from the shipped
/// file (current and next year) on first start so that an admin can add the government's
/// transfers and the following year without a new release.
/// </summary>
public sealed class HallCalendar(IOptions<FrontOfficeOptions> options)
{
    public const string FileName = "calendar.json";
    private WorkingCalendar? _calendar;

    public WorkingCalendar Current => _calendar ??= Load();

    public string FilePath => Path.Combine(options.Value.DataDirectory, FileName);

    private WorkingCalendar Load()
    {
        if (!File.Exists(FilePath))
        {
            Directory.CreateDirectory(options.Value.DataDirectory);
            using var shipped = typeof(HallCalendar).Assembly.GetManifestResourceStream("OpenAlmaty.FrontOffice.calendar-kz.json")!;
            using var copy = File.Create(FilePath);
            shipped.CopyTo(copy);
        }

        return Parse(File.ReadAllText(FilePath));
    }

    public static WorkingCalendar Parse(string json)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("The calendar file is empty.");
        return new WorkingCalendar(file.DaysOff ?? [], file.WorkingWeekends ?? []);
    }

    private sealed record CalendarFile(List<DateOnly>? DaysOff, List<DateOnly>? WorkingWeekends);
}
