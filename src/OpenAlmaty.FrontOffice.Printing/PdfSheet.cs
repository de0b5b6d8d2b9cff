using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenAlmaty.FrontOffice.Printing;

/// <summary>
/// An A4 document written top to bottom: titles, headings, tables that continue on a new page,
/// and bar charts, in the shipped DejaVu Sans so that every Kazakh letter renders.
/// </summary>
public sealed class PdfSheet : IDisposable
{
    private readonly PdfDocument _document = new();
    private readonly double _margin = XUnit.FromMillimeter(12).Point;
    private XGraphics? _gfx;
    private double _bottom;

    public PdfSheet(string title)
    {
        PdfFonts.Ensure();
        _document.Info.Title = title;
        Regular = new XFont(PdfFonts.Family, 8.5);
        Bold = new XFont(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
        Header = new XFont(PdfFonts.Family, 7, XFontStyleEx.Bold);
        NewPage();
    }

    public XFont Regular { get; }

    public XFont Bold { get; }

    /// <summary>Table headers: smaller, so that two languages fit over a narrow column of numbers.</summary>
    public XFont Header { get; }

    public double Width { get; private set; }

    public double Y { get; private set; }

    private XGraphics Gfx => _gfx!;

    public void Title(params string[] lines)
    {
        var font = new XFont(PdfFonts.Family, 13, XFontStyleEx.Bold);
        foreach (var line in lines)
        {
            Gfx.DrawString(line, font, XBrushes.Black, new XPoint(_margin, Y + 13));
            Y += 17;
        }

        Y += 10;
    }

    public void Heading(string text)
    {
        var font = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Bold);
        Ensure(60);
        Y += 8;
        Gfx.DrawString(text, font, XBrushes.Black, new XPoint(_margin, Y + 11));
        Y += 18;
    }

    public void Text(string text)
    {
        foreach (var line in PdfFonts.Wrap(Gfx, text, Regular, Width))
        {
            Ensure(Regular.Size * 1.4);
            Gfx.DrawString(line, Regular, XBrushes.Black, new XPoint(_margin, Y + Regular.Size));
            Y += Regular.Size * 1.4;
        }
    }

    /// <summary>A table with a shaded header row; <paramref name="widths"/> are fractions of the page width.</summary>
    public void Table(string[] header, double[] widths, IEnumerable<string[]> rows, string? empty = null)
    {
        Row(header, widths, Header, XBrushes.WhiteSmoke);
        var any = false;
        foreach (var row in rows)
        {
            Row(row, widths, Regular, null);
            any = true;
        }

        if (!any && empty is not null)
        {
            Row([empty, .. Enumerable.Repeat("", widths.Length - 1)], widths, Regular, null);
        }
    }

    public void Row(string[] cells, double[] widths, XFont font, XBrush? fill)
    {
        var wrapped = cells.Select((c, i) => PdfFonts.Wrap(Gfx, c, font, (widths[i] * Width) - 6).ToList()).ToList();
        var height = (wrapped.Max(w => w.Count) * font.Size * 1.25) + 6;
        Ensure(height);
        var x = _margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var w = widths[i] * Width;
            if (fill is not null)
            {
                Gfx.DrawRectangle(fill, x, Y, w, height);
            }

            Gfx.DrawRectangle(XPens.Gray, x, Y, w, height);
            for (var line = 0; line < wrapped[i].Count; line++)
            {
                Gfx.DrawString(wrapped[i][line], font, XBrushes.Black, new XPoint(x + 3, Y + 3 + font.Size + (line * font.Size * 1.25)));
            }

            x += w;
        }

        Y += height;
    }

    /// <summary>Vertical bars with their value on top and the label under each: a glance instead of a column of numbers.</summary>
    public void BarChart(IReadOnlyList<(string Label, double Value)> bars, string valueFormat = "0")
    {
        const double chartHeight = 120;
        Ensure(chartHeight + 40);
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var slot = Width / Math.Max(1, bars.Count);
        var baseline = Y + chartHeight + 12;
        var small = new XFont(PdfFonts.Family, 6.5);
        var fill = new XSolidBrush(XColor.FromArgb(11, 61, 145));
        Gfx.DrawLine(XPens.Gray, _margin, baseline, _margin + Width, baseline);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = value / max * chartHeight;
            var x = _margin + (i * slot) + (slot * 0.15);
            if (h > 0)
            {
                Gfx.DrawRectangle(fill, x, baseline - h, slot * 0.7, h);
            }

            var center = new XRect(_margin + (i * slot), 0, slot, 0);
            Gfx.DrawString(value.ToString(valueFormat, System.Globalization.CultureInfo.InvariantCulture), small, XBrushes.Black,
                new XRect(center.X, baseline - h - 10, slot, 9), XStringFormats.Center);
            Gfx.DrawString(label, small, XBrushes.Black, new XRect(center.X, baseline + 2, slot, 9), XStringFormats.Center);
        }

        Y = baseline + 18;
    }

    public byte[] Save()
    {
        _gfx?.Dispose();
        _gfx = null;
        using var output = new MemoryStream();
        _document.Save(output);
        return output.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        Width = page.Width.Point - (2 * _margin);
        _bottom = page.Height.Point - _margin;
        Y = _margin;
    }

    private void Ensure(double height)
    {
        if (Y + height > _bottom)
        {
            NewPage();
        }
    }
}
