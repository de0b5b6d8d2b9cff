namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>
/// A wait as people read it, in Kazakh, Russian or English: the one wording behind the kiosk, the
/// phone page, the hall boards and the dashboard, so that "no window is open" never shows as "0–0".
/// </summary>
public static class WaitWords
{
    /// <param name="language"><c>kk</c>, <c>ru</c> or <c>en</c>.</param>
    public static string Text(WaitRangeDto wait, string language) => wait.Basis switch
    {
        WaitBases.NoDeskOpen => Pick(language, "қазір ашық терезе жоқ", "сейчас нет открытых окон", "no window is open now"),
        WaitBases.Slot => Pick(language, $"жазылған уақытта, {wait.ToMinutes} мин кейін", $"в назначенное время, через {wait.ToMinutes} мин",
            $"at your booked time, in {wait.ToMinutes} min"),
        _ => $"{wait.FromMinutes}–{wait.ToMinutes} " + Pick(language, "мин", "мин", "min"),
    };

    private static string Pick(string language, string kk, string ru, string en) => new Words(kk, ru, en).In(language);
}
