namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>One thing said in the hall's three languages.</summary>
public sealed record Words(string Kk, string Ru, string En)
{
    /// <param name="language"><c>kk</c>, <c>ru</c> or <c>en</c>; anything else reads Kazakh, the state language.</param>
    public string In(string language) => language switch
    {
        "ru" => Ru,
        "en" => En,
        _ => Kk,
    };

    public string In(VisitorLanguage language) => language switch
    {
        VisitorLanguage.Ru => Ru,
        VisitorLanguage.En => En,
        _ => Kk,
    };

    /// <summary>"Абаттандыру / Благоустройство" on bilingual paper; one word where both say the same.</summary>
    public string Bilingual => Kk == Ru ? Kk : $"{Kk} / {Ru}";
}

/// <summary>A word of the hall's vocabulary: the code the API and the database carry, and its name.</summary>
/// <param name="Said">How a visitor's screen says it where that needs more words than the name.</param>
public sealed record Term(string Code, Words Name, Words? Said = null)
{
    public Words ForVisitors => Said ?? Name;
}

/// <summary>
/// The topics of a matter: what an agency deals with (the kiosk's topic shortcuts), what a resident
/// books a reception about, what an officer records at the end of a visit, what reports count.
/// In the order every screen lists them.
/// </summary>
public static class VisitTopics
{
    public const string Other = "other";

    public static IReadOnlyList<Term> All { get; } =
    [
        new("energy", new("Энергетика", "Энергетика", "Energy"),
            new("Энергетика: су, жылу, электр", "Энергетика: вода, тепло, свет", "Energy: water, heating, electricity")),
        new("housing", new("Тұрғын үй, ПИК", "Жильё, КСК", "Housing, KSK")),
        new("transport", new("Көлік және жолдар", "Транспорт и дороги", "Transport and roads")),
        new("landscaping", new("Абаттандыру", "Благоустройство", "Landscaping")),
        new(Other, new("Басқа", "Другое", "Other")),
    ];

    public static Term? Find(string? code) => All.FirstOrDefault(t => t.Code == code);

    /// <summary>The topic's name in both state languages, or the code itself for one this version does not know.</summary>
    public static string Bilingual(string code) => Find(code)?.Name.Bilingual ?? code;
}

/// <summary>How a visit ended, as the officer records it.</summary>
public static class VisitOutcomes
{
    public static IReadOnlyList<Term> All { get; } =
    [
        new("resolved", new("Шешілді", "Решено", "Resolved")),
        new("consulted", new("Кеңес берілді", "Дана консультация", "Advice given")),
        new("appeal-registered", new("Өтініш тіркелді", "Зарегистрировано обращение", "Appeal registered")),
        new("redirected", new("Басқа органға жіберілді", "Направлен в другой орган", "Sent to another body")),
        new("other", new("Басқа", "Другое", "Other")),
    ];

    public static Term? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}
