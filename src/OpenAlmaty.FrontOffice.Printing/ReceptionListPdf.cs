using PdfSharp.Drawing;
using PdfSharp.Pdf;

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
        PdfFonts.Ensure();
        using var document = new PdfDocument();
        document.Info.Title = $"Жеке қабылдау / Личный приём {date:dd.MM.yyyy}";
        var regular = new XFont(PdfFonts.Family, 8.5);
        var bold = new XFont(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
        var title = new XFont(PdfFonts.Family, 13, XFontStyleEx.Bold);
        var heading = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Bold);

        PdfPage page = null!;
        XGraphics gfx = null!;
        double y = 0, margin = XUnit.FromMillimeter(12).Point, width = 0, bottom = 0;
        void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            width = page.Width.Point - (2 * margin);
            bottom = page.Height.Point - margin;
            y = margin;
        }

        void Ensure(double height)
        {
            if (y + height > bottom)
            {
                NewPage();
            }
        }

        NewPage();
        gfx.DrawString($"Жеке қабылдау — {date:dd.MM.yyyy}", title, XBrushes.Black, new XPoint(margin, y + 13));
        gfx.DrawString($"Личный приём — {date:dd.MM.yyyy}", title, XBrushes.Black, new XPoint(margin, y + 30));
        y += 44;
        if (sessions.Count == 0)
        {
            gfx.DrawString("Бүгін қабылдау жоқ / Приёмов нет", regular, XBrushes.Black, new XPoint(margin, y + 10));
        }

        foreach (var session in sessions)
        {
            Ensure(60);
            y += 8;
            var place = session.Desk is null ? "" : $" · {session.Desk}-терезе / окно {session.Desk}";
            gfx.DrawString($"{session.DeputyName} · {session.From}–{session.To}{place}", heading, XBrushes.Black, new XPoint(margin, y + 11));
            y += 18;
            Row(Columns.Select(c => $"{c.Kk} / {c.Ru}").ToArray(), bold, XBrushes.WhiteSmoke);
            if (session.Rows.Count == 0)
            {
                Row(["", "Жазылу жоқ / Записей нет", "", "", "", ""], regular, null);
            }

            foreach (var r in session.Rows)
            {
                Row([r.Time, r.FullName, r.Phone, r.Topic, r.Matter, r.State], regular, null);
            }
        }

        gfx.Dispose();
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();

        void Row(string[] cells, XFont font, XBrush? fill)
        {
            var wrapped = cells.Select((c, i) => PdfFonts.Wrap(gfx, c, font, (Columns[i].Width * width) - 6).ToList()).ToList();
            var height = (wrapped.Max(w => w.Count) * font.Size * 1.25) + 6;
            Ensure(height);
            var x = margin;
            for (var i = 0; i < cells.Length; i++)
            {
                var w = Columns[i].Width * width;
                if (fill is not null)
                {
                    gfx.DrawRectangle(fill, x, y, w, height);
                }

                gfx.DrawRectangle(XPens.Gray, x, y, w, height);
                for (var line = 0; line < wrapped[i].Count; line++)
                {
                    gfx.DrawString(wrapped[i][line], font, XBrushes.Black, new XPoint(x + 3, y + 3 + font.Size + (line * font.Size * 1.25)));
                }

                x += w;
            }

            y += height;
        }
    }
}
