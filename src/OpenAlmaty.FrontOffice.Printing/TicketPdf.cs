using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace OpenAlmaty.FrontOffice.Printing;

/// <summary>Paper sizes a ticket PDF comes in.</summary>
public enum TicketPaper
{
    /// <summary>A6 (105 × 148 mm), for an office printer.</summary>
    A6,

    /// <summary>A roll 80 mm wide, for a thermal printer driven by a PDF viewer.</summary>
    Roll80,
}

/// <summary>
/// A ticket as a PDF, with the shipped DejaVu Sans embedded so Kazakh letters render anywhere.
/// The QR is drawn as vector squares: it scans at any zoom.
/// </summary>
public static class TicketPdf
{
    private const string Family = PdfFonts.Family;

    public static byte[] Render(TicketContent ticket, TicketPaper paper)
    {
        PdfFonts.Ensure();
        var (width, height) = paper == TicketPaper.A6
            ? (XUnit.FromMillimeter(105), XUnit.FromMillimeter(148))
            : (XUnit.FromMillimeter(80), XUnit.FromMillimeter(150));
        using var document = new PdfDocument();
        document.Info.Title = $"Талон {ticket.Number}";
        var page = document.AddPage();
        page.Width = width;
        page.Height = height;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var margin = XUnit.FromMillimeter(5).Point;
            var usable = page.Width.Point - (2 * margin);
            var y = margin;
            void Line(string text, double size, bool bold = false)
            {
                var font = new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                foreach (var part in PdfFonts.Wrap(gfx, text, font, usable))
                {
                    y += size * 1.2;
                    gfx.DrawString(part, font, XBrushes.Black, new XRect(margin, y - size, usable, size * 1.2), XStringFormats.TopCenter);
                }
            }

            var lines = ticket.Lines();
            Line(lines[0], 8, bold: true);
            Line(lines[1], 8, bold: true);
            y += 4;
            Line(ticket.Number, 40, bold: true);
            y += 6;
            foreach (var line in lines.Skip(2).Take(6))
            {
                Line(line, 9);
            }

            var qr = EscPos.MonochromeImage.QrCode(ticket.StatusUrl, 1);
            var module = Math.Min(usable, XUnit.FromMillimeter(32).Point) / qr.Width;
            var left = (page.Width.Point - (module * qr.Width)) / 2;
            y += 6;
            for (var qy = 0; qy < qr.Height; qy++)
            {
                for (var qx = 0; qx < qr.Width; qx++)
                {
                    if (qr[qx, qy])
                    {
                        gfx.DrawRectangle(XBrushes.Black, left + (qx * module), y + (qy * module), module, module);
                    }
                }
            }

            y += qr.Height * module;
            foreach (var line in lines.Skip(8))
            {
                Line(line, 8);
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}

/// <summary>The shipped DejaVu Sans for every PDF this module makes: no system fonts, no downloads.</summary>
internal static class PdfFonts
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock FontLock = new();

    /// <summary>Breaks a text into lines that fit the width, at spaces.</summary>
    public static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        yield return current;
    }

    public static void Ensure()
    {
        lock (FontLock)
        {
            if (GlobalFontSettings.FontResolver is not ShippedFonts)
            {
                GlobalFontSettings.FontResolver = new ShippedFonts();
            }
        }
    }

    /// <summary>Resolves every face to the DejaVu Sans embedded in this assembly.</summary>
    private sealed class ShippedFonts : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream("OpenAlmaty.FrontOffice.Fonts." + faceName);
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
