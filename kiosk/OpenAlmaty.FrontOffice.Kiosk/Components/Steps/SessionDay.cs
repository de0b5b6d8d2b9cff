using System.Globalization;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk.Components.Steps;

/// <summary>A session's day as the booking screens write it: "Сәрсенбі, 02.12.2026".</summary>
public static class SessionDay
{
    public static string Of(ReceptionSessionDto session, VisitorLanguage language) =>
        $"{KioskTexts.Weekday(session.Date.DayOfWeek, language)}, {session.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";
}
