using System.Globalization;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using SkiaSharp;

namespace OpenAlmaty.FrontOffice.Printing;

/// <summary>What a paper ticket says. No personal data: a number, a service, a time, a QR.</summary>
public sealed record TicketContent(
    string Number,
    string AgencyKk,
    string AgencyRu,
    DateTime IssuedAtLocal,
    int PeopleAhead,
    int WaitFromMinutes,
    int WaitToMinutes,
    string StatusUrl,
    bool IsTraining = false)
{
    public const string HeaderKk = "Open Almaty · қоғамдық қабылдау";
    public const string HeaderRu = "Open Almaty · общественная приёмная";

    /// <summary>The ticket's lines, Kazakh first (Language law, art. 21), then Russian.</summary>
    public IReadOnlyList<string> Lines() =>
    [
        HeaderKk,
        HeaderRu,
        AgencyKk,
        AgencyRu,
        IssuedAtLocal.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture),
        $"Алдыңызда: {PeopleAhead} адам",
        $"Перед вами: {PeopleAhead} чел.",
        $"Күту: {WaitFromMinutes}–{WaitToMinutes} мин / Ожидание: {WaitFromMinutes}–{WaitToMinutes} мин",
        "Телефонмен сканерлеңіз / Отсканируйте телефоном",
        .. IsTraining ? (string[])["ОҚУ ТАЛОНЫ / УЧЕБНЫЙ ТАЛОН"] : [],
    ];
}

/// <summary>
/// Lays a ticket out for a printer profile: as text when one of the printer's code pages holds
/// every character (Epson with KZ-1048), otherwise drawn with the shipped DejaVu Sans and sent
/// as a raster image, so that ә ғ қ ң ө ұ ү һ і print on any printer.
/// </summary>
public static class TicketLayout
{
    public static (byte[] Job, TicketPrintMode Mode) Render(TicketContent ticket, PrinterProfile profile)
    {
        var lines = ticket.Lines();
        if (profile.PageFor([.. lines, ticket.Number]) is { } page)
        {
            return (Text(ticket, lines, page.Page, page.Number), TicketPrintMode.Text);
        }

        return (Raster(ticket, profile), TicketPrintMode.Raster);
    }

    /// <summary>The ticket drawn and sent as a picture, whatever code pages the printer has.</summary>
    public static byte[] Raster(TicketContent ticket, PrinterProfile profile) =>
        new EscPosWriter().Initialize().Raster(Draw(ticket, profile.DotsPerLine)).Feed(3).Cut().ToArray();

    private static byte[] Text(TicketContent ticket, IReadOnlyList<string> lines, PrinterCodePage page, byte number)
    {
        var w = new EscPosWriter().Initialize().CodePage(page, number).Align(Alignment.Center)
            .Emphasis(true).Line(lines[0]).Line(lines[1]).Emphasis(false).Feed(1)
            .Size(4, 4).Emphasis(true).Line(ticket.Number).Emphasis(false).Size(1, 1).Feed(1)
            .Line(lines[2]).Line(lines[3]).Line(lines[4]).Line(lines[5]).Line(lines[6]).Line(lines[7]).Feed(1)
            .QrCode(ticket.StatusUrl, 6).Line(lines[8]);
        if (ticket.IsTraining)
        {
            w.Emphasis(true).Line(lines[9]).Emphasis(false);
        }

        return w.Feed(3).Cut().ToArray();
    }

    /// <summary>The ticket as a picture <paramref name="width"/> dots wide (also the PNG preview).</summary>
    public static MonochromeImage Draw(TicketContent ticket, int width)
    {
        using var regular = Typeface("DejaVuSans.ttf");
        using var bold = Typeface("DejaVuSans-Bold.ttf");
        var lines = ticket.Lines();
        var qr = MonochromeImage.QrCode(ticket.StatusUrl, Math.Max(4, width / 100));

        var blocks = new List<(string Text, SKTypeface Face, float Size)>
        {
            (lines[0], bold, 24), (lines[1], bold, 24), ("", regular, 12),
            (ticket.Number, bold, 120), ("", regular, 12),
            (lines[2], regular, 26), (lines[3], regular, 26), (lines[4], regular, 24),
            (lines[5], regular, 24), (lines[6], regular, 24), (lines[7], regular, 22),
        };
        var after = new List<(string Text, SKTypeface Face, float Size)> { (lines[8], regular, 20) };
        if (ticket.IsTraining)
        {
            after.Add((lines[9], bold, 26));
        }

        var margin = 8f;
        var laidOut = blocks.SelectMany(b => Wrap(b.Text, b.Face, b.Size, width - (2 * margin)).Select(t => (t, b.Face, b.Size))).ToList();
        var laidOutAfter = after.SelectMany(b => Wrap(b.Text, b.Face, b.Size, width - (2 * margin)).Select(t => (t, b.Face, b.Size))).ToList();
        var height = (int)(laidOut.Sum(l => l.Size * 1.25f) + qr.Height + laidOutAfter.Sum(l => l.Size * 1.25f) + 40);

        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
            var y = 10f;
            void DrawLines(IEnumerable<(string Text, SKTypeface Face, float Size)> items)
            {
                foreach (var (text, face, size) in items)
                {
                    using var font = new SKFont(face, size);
                    y += size;
                    canvas.DrawText(text, width / 2f, y, SKTextAlign.Center, font, paint);
                    y += size * 0.25f;
                }
            }

            DrawLines(laidOut);
            var left = (width - qr.Width) / 2;
            var top = (int)y + 10;
            for (var qy = 0; qy < qr.Height; qy++)
            {
                for (var qx = 0; qx < qr.Width; qx++)
                {
                    if (qr[qx, qy])
                    {
                        bitmap.SetPixel(left + qx, top + qy, SKColors.Black);
                    }
                }
            }

            y = top + qr.Height;
            DrawLines(laidOutAfter);
        }

        var image = new MonochromeImage(width, height);
        for (var py = 0; py < height; py++)
        {
            for (var px = 0; px < width; px++)
            {
                var c = bitmap.GetPixel(px, py);
                image[px, py] = (c.Red * 299) + (c.Green * 587) + (c.Blue * 114) < 128_000;
            }
        }

        return image;
    }

    /// <summary>A PNG of the ticket as it will look on paper, for the admin's test-print page.</summary>
    public static byte[] Png(MonochromeImage image)
    {
        using var bitmap = new SKBitmap(image.Width, image.Height);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                bitmap.SetPixel(x, y, image[x, y] ? SKColors.Black : SKColors.White);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static List<string> Wrap(string text, SKTypeface face, float size, float maxWidth)
    {
        using var font = new SKFont(face, size);
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && font.MeasureText(candidate) > maxWidth)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        lines.Add(current);
        return lines;
    }

    private static SKTypeface Typeface(string file)
    {
        var stream = typeof(TicketLayout).Assembly.GetManifestResourceStream("OpenAlmaty.FrontOffice.Fonts." + file)
            ?? throw new InvalidOperationException($"Font {file} is not embedded.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"Font {file} cannot be read.");
    }
}
