namespace OpenAlmaty.FrontOffice.Printing;

/// <summary>One resident on the day's list. No IIN: it is never printed.</summary>
public sealed record ReceptionListRow(string Time, string FullName, string Phone, string Topic, string Matter, string State);

/// <summary>One deputy akim's sitting on the day.</summary>
public sealed record ReceptionListSession(string DeputyName, string? Desk, string From, string To, IReadOnlyList<ReceptionListRow> Rows);

/// <summary>
/// The day's personal receptions as an A4 list, Kazakh and Russian headings, one block per deputy
/// akim, the shipped DejaVu Sans embedded so every Kazakh letter renders; continues on new pages.
/// </summary>
public static class ReceptionListPdf
{
    private static readonly (string Kk, string Ru, double Width)[] Columns =
    [
        ("Уақыты", "Время", 0.09), ("Аты-жөні", "ФИО", 0.25), ("Телефон", "Телефон", 0.16),
        ("Тақырып", "Тема", 0.12), ("Мәселе", "Суть обращения", 0.28), ("Күйі", "Статус", 0.10),
    ];

    public static byte[] Render(DateOnly date, IReadOnlyList<ReceptionListSession> sessions)
    {
        using var sheet = new PdfSheet($"Жеке қабылдау / Личный приём {date:dd.MM.yyyy}");
        sheet.Title($"Жеке қабылдау — {date:dd.MM.yyyy}", $"Личный приём — {date:dd.MM.yyyy}");
        if (sessions.Count == 0)
        {
            sheet.Text("Бүгін қабылдау жоқ / Приёмов нет");
        }

        var widths = Columns.Select(c => c.Width).ToArray();
        foreach (var session in sessions)
        {
            var place = session.Desk is null ? "" : $" · {session.Desk}-терезе / окно {session.Desk}";
            sheet.Heading($"{session.DeputyName} · {session.From}–{session.To}{place}");
            sheet.Table(Columns.Select(c => $"{c.Kk} / {c.Ru}").ToArray(), widths,
                session.Rows.Select(r => new[] { r.Time, r.FullName, r.Phone, r.Topic, r.Matter, r.State }),
                empty: "Жазылу жоқ / Записей нет");
        }

        return sheet.Save();
    }
}
