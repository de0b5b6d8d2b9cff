using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// The working-day calendar in force: <c>&lt;data&gt;/calendar.json</c>, written from the shipped
/// file (current and next year) on first start so that an admin can add the government's
/// transfers and the following year without a new release.
/// </summary>
public sealed class HallCalendar(IOptions<FrontOfficeOptions> options)
{
    public const string FileName = "calendar.json";
    private readonly Lock _writing = new();
    private volatile WorkingCalendar? _calendar;

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

    /// <summary>
    /// Writes a new calendar whole (a temporary file moved over the old one, so a crash leaves the
    /// old or the new file, never half of one) and uses it from the next question on.
    /// </summary>
    public void Replace(WorkingCalendar calendar)
    {
        lock (_writing)
        {
            var json = JsonSerializer.Serialize(new CalendarFile(Comment, [.. calendar.DaysOff], [.. calendar.WorkingWeekends]), Indented);
            var temporary = FilePath + ".new";
            File.WriteAllText(temporary, json);
            File.Move(temporary, FilePath, overwrite: true);
            _calendar = calendar;
        }
    }

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    private const string Comment = "Days off and working weekend days of Kazakhstan (public holidays, days off moved from a holiday on a weekend, "
        + "and the government's yearly transfers). Edited on the admin page /admin/calendar; the server uses it at once.";

    public static WorkingCalendar Parse(string json)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("The calendar file is empty.");
        return new WorkingCalendar(file.DaysOff ?? [], file.WorkingWeekends ?? []);
    }

    private sealed record CalendarFile(string? Comment, List<DateOnly>? DaysOff, List<DateOnly>? WorkingWeekends);
}

/// <summary>The calendar as admins see and edit it; a change takes effect for new sessions, deadlines and checks at once.</summary>
public sealed class EditCalendar(FrontOfficeDb db, HallCalendar calendar, Audit.AuditTrail audit)
{
    public WorkingCalendarDto Get()
    {
        var current = calendar.Current;
        return new WorkingCalendarDto(current.DaysOff, current.WorkingWeekends, current.KnownUntil);
    }

    public async Task<WorkingCalendarDto> HandleAsync(WorkingCalendarDto edited, CancellationToken ct)
    {
        var all = (edited.DaysOff ?? []).Concat(edited.WorkingWeekends ?? []).ToList();
        if (all.Any(d => d.Year is < 2000 or > 2100))
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "Dates are between 2000 and 2100.");
        }

        var next = new WorkingCalendar(edited.DaysOff ?? [], edited.WorkingWeekends ?? []);
        var before = calendar.Current;
        var change = string.Join(", ", next.DaysOff.Except(before.DaysOff).Select(d => $"+off {d:yyyy-MM-dd}")
            .Concat(before.DaysOff.Except(next.DaysOff).Select(d => $"-off {d:yyyy-MM-dd}"))
            .Concat(next.WorkingWeekends.Except(before.WorkingWeekends).Select(d => $"+working {d:yyyy-MM-dd}"))
            .Concat(before.WorkingWeekends.Except(next.WorkingWeekends).Select(d => $"-working {d:yyyy-MM-dd}")));
        // The file is written only once the audit entry is durable: an edit nobody can trace never takes effect.
        await Transactions.RunAsync(db, async ct =>
        {
            await audit.RecordAsync("calendar.edit", HallCalendar.FileName, change, ct);
            return true;
        }, ct);
        calendar.Replace(next);
        return Get();
    }
}
