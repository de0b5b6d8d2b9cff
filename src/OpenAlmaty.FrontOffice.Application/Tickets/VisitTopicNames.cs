namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>The visit topics' names in Kazakh and Russian, for every page, list and report that names one.</summary>
public static class VisitTopicNames
{
    public static readonly (string Code, string Kk, string Ru)[] All =
    [
        ("energy", "Энергетика", "Энергетика"), ("housing", "Тұрғын үй, ПИК", "Жильё, КСК"), ("transport", "Көлік және жолдар", "Транспорт и дороги"),
        ("landscaping", "Абаттандыру", "Благоустройство"), ("other", "Басқа", "Другое"),
    ];

    /// <summary>"Абаттандыру / Благоустройство" on paper in both languages; one word where both say the same.</summary>
    public static string Bilingual(string code) => All.FirstOrDefault(t => t.Code == code) is { Code: not null } t
        ? t.Kk == t.Ru ? t.Kk : $"{t.Kk} / {t.Ru}"
        : code;
}
