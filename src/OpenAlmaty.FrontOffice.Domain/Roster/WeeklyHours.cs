using System.Globalization;
using System.Text;

namespace OpenAlmaty.FrontOffice.Domain.Roster;

/// <summary>An opening period on one weekday, local time.</summary>
public readonly record struct OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// Opening hours written the way an administrator reads them:
/// <c>Mon-Fri 09:00-18:00; Sat 10:00-14:00</c>. Parsing is strict so that a typo is refused
/// with a clear message instead of closing a service by accident.
/// </summary>
public sealed class WeeklyHours
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private WeeklyHours(IReadOnlyList<OpeningPeriod> periods) => Periods = periods;

    public IReadOnlyList<OpeningPeriod> Periods { get; }

    public static WeeklyHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var periods = new List<OpeningPeriod>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length != 2)
            {
                throw Invalid(text, part);
            }

            var days = ParseDays(pieces[0]) ?? throw Invalid(text, part);
            var times = pieces[1].Split('-');
            if (times.Length != 2
                || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
                || closes <= opens)
            {
                throw Invalid(text, part);
            }

            periods.AddRange(days.Select(d => new OpeningPeriod(d, opens, closes)));
        }

        if (periods.Count == 0)
        {
            throw Invalid(text, text);
        }

        return new WeeklyHours(periods);
    }

    public static bool TryParse(string text, out WeeklyHours? hours)
    {
        try
        {
            hours = Parse(text);
            return true;
        }
        catch (DomainRuleException)
        {
            hours = null;
            return false;
        }
    }

    public bool IsOpen(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        return Periods.Any(p => p.Day == local.DayOfWeek && time >= p.Opens && time < p.Closes);
    }

    /// <summary>When the next period begins after <paramref name="local"/> (Almaty time), or null with no periods.</summary>
    public DateTime? NextOpening(DateTime local)
    {
        for (var days = 0; days <= 7; days++)
        {
            var date = local.Date.AddDays(days);
            var opening = Periods.Where(p => p.Day == date.DayOfWeek).Select(p => date + p.Opens.ToTimeSpan())
                .Where(at => at > local).Order().FirstOrDefault();
            if (opening != default)
            {
                return opening;
            }
        }

        return null;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var group in Periods.GroupBy(p => (p.Opens, p.Closes)))
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(string.Join(",", group.Select(p => DayNames[(int)p.Day])))
                .Append(' ').Append(group.Key.Opens.ToString("HH:mm", CultureInfo.InvariantCulture))
                .Append('-').Append(group.Key.Closes.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static List<DayOfWeek>? ParseDays(string text)
    {
        var days = new List<DayOfWeek>();
        foreach (var item in text.Split(','))
        {
            var range = item.Split('-');
            var first = Array.IndexOf(DayNames, range[0]);
            var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : first;
            if (range.Length > 2 || first < 0 || last < 0)
            {
                return null;
            }

            // Mon-Sun wraps through the week; Sun is day 0 in .NET.
            for (var d = first; ; d = (d + 1) % 7)
            {
                days.Add((DayOfWeek)d);
                if (d == last)
                {
                    break;
                }
            }
        }

        return days;
    }

    private static DomainRuleException Invalid(string text, string part) =>
        new(DomainRule.InvalidHours,
            $"Opening hours \"{text}\" cannot be read at \"{part}\"; write them like \"Mon-Fri 09:00-18:00; Sat 10:00-14:00\".");
}
