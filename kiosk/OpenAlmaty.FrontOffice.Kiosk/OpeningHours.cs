using System.Text.RegularExpressions;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk;

/// <summary>
/// A service's hours as a visitor reads them: the administrator's notation (<c>Mon-Fri 09:00-18:00;
/// Sat 10:00-14:00</c>, checked by the domain when saved) with its day names in the screen's
/// language and proper dashes: "Дс–Жм 09:00–18:00", "Пн–Пт 09:00–18:00", "Mon–Fri 09:00–18:00".
/// The one rule for every page that shows hours to a visitor.
/// </summary>
public static partial class OpeningHours
{
    private static readonly string[] Notation = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Kk = ["Жс", "Дс", "Сс", "Ср", "Бс", "Жм", "Сб"];
    private static readonly string[] Ru = ["Вс", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб"];

    public static string Say(string hours, VisitorLanguage language)
    {
        var days = language switch
        {
            VisitorLanguage.Ru => Ru,
            VisitorLanguage.En => Notation,
            _ => Kk,
        };
        var said = Day().Replace(hours, m => days[Array.IndexOf(Notation, m.Value)]);
        return Range().Replace(said, "$1–$2").Replace(";", ",", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(Sun|Mon|Tue|Wed|Thu|Fri|Sat)\b")]
    private static partial Regex Day();

    /// <summary>A hyphen between two days or two times becomes an en dash.</summary>
    [GeneratedRegex(@"(\S)-(\S)")]
    private static partial Regex Range();
}
