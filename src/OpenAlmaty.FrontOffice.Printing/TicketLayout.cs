using System.Globalization;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using SkiaSharp;

namespace OpenAlmaty.FrontOffice.Printing;

/// <summary>
/// What goes on a roll of paper at the kiosk: a two-line header, one big text (a ticket number,
/// a booking code), lines under it, a QR and lines under the QR. Kazakh first (Language law,
/// art. 21), then Russian. Never personal data.
/// </summary>
public interface IPaperSlip
{
    string Big { get; }

    string QrUrl { get; }

    /// <summary>Every line except <see cref="Big"/>: header (2), body, then footer.</summary>
    IReadOnlyList<string> Lines();

    int BodyLines { get; }

    /// <summary>A last line in bold (a training ticket's warning), or null.</summary>
    string? Warning { get; }
}

/// <summary>
/// What a paper ticket says. No personal data: a number, a service, a time, a QR. Always in Kazakh
/// and Russian; an English visitor's ticket (<see cref="AgencyEn"/> given) says it in English too.
/// </summary>
public sealed record TicketContent(
    string Number,
    string AgencyKk,
    string AgencyRu,
    DateTime IssuedAtLocal,
    int PeopleAhead,
    int WaitFromMinutes,
    int WaitToMinutes,
    string StatusUrl,
    bool IsTraining = false,
    DateTime? SlotLocal = null,
    bool NoDeskServing = false,
    string? CopyMark = null,
    string? AgencyEn = null) : IPaperSlip
{
    public const string HeaderKk = "Open Almaty · қоғамдық қабылдау";
    public const string HeaderRu = "Open Almaty · общественная приёмная";

    public string Big => Number;

    public string QrUrl => StatusUrl;

    private bool English => AgencyEn is not null;

    public int BodyLines => English ? 8 : 6;

    // A reprint says it is a copy (the visitor may hold the first one too) in the same bold last line.
    public string? Warning => (CopyMark, IsTraining) switch
    {
        (null, false) => null,
        (null, true) => Training,
        ({ } copy, false) => copy,
        ({ } copy, true) => $"{copy} · {Training}",
    };

    private const string Training = "ОҚУ ТАЛОНЫ / УЧЕБНЫЙ ТАЛОН";

    public IReadOnlyList<string> Lines() =>
    [
        HeaderKk,
        HeaderRu,
        AgencyKk,
        AgencyRu,
        .. English ? (string[])[AgencyEn!] : [],
        IssuedAtLocal.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture),
        $"Алдыңызда: {PeopleAhead} адам",
        $"Перед вами: {PeopleAhead} чел.",
        .. English ? (string[])[$"Ahead of you: {PeopleAhead}"] : [],
        // A wait is printed only when it rests on something: a booked time, or desks that serve now.
        SlotLocal is { } slot ? $"Уақыты / Время: {slot.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : NoDeskServing ? "Терезе ашық емес / Окна закрыты"
            : $"Күту: {WaitFromMinutes}–{WaitToMinutes} мин / Ожидание: {WaitFromMinutes}–{WaitToMinutes} мин",
        .. English ? (string[])[SlotLocal is { } at ? $"Your time: {at.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : NoDeskServing ? "No desk is open now" : $"Wait: {WaitFromMinutes}–{WaitToMinutes} min"] : [],
        "Телефонмен сканерлеңіз / Отсканируйте телефоном",
        .. English ? (string[])["Scan it with your phone"] : [],
        .. Warning is { } w ? (string[])[w] : [],
    ];
}

/// <summary>
/// The slip of a personal-reception booking: the code to bring on the day, the deputy akim, the
/// date and time (or the place on the waiting list), and a QR of the booking's status page.
/// No IIN, no name, no phone.
/// </summary>
public sealed record BookingSlipContent(
    string Code,
    string DeputyName,
    DateOnly Date,
    string? SlotStart,
    string? DeskNumber,
    int? WaitingListPosition,
    string StatusUrl) : IPaperSlip
{
    public string Big => Code;

    public string QrUrl => StatusUrl;

    public int BodyLines => 5;

    public string? Warning => null;

    public IReadOnlyList<string> Lines()
    {
        var date = Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var when = SlotStart is { } slot ? $"{date} {slot}" : date;
        var where = WaitingListPosition is { } p
            ? $"Күту тізімінде: {p} / В листе ожидания: {p}"
            : DeskNumber is { } d ? $"{d}-терезе / окно {d}" : "Open Almaty, Байзақов к-сі 280 / ул. Байзакова 280";
        return
        [
            TicketContent.HeaderKk,
            TicketContent.HeaderRu,
            "Жеке қабылдауға жазылу коды",
            "Код записи на личный приём",
            DeputyName,
            when,
            where,
            "Қабылдау күні осы кодпен тіркеліңіз / В день приёма отметьтесь с этим кодом",
        ];
    }
}

/// <summary>
/// Lays a slip out for a printer profile: as text when one of the printer's code pages holds
/// every character (Epson with KZ-1048), otherwise drawn with the shipped DejaVu Sans and sent
/// as a raster image, so that ә ғ қ ң ө ұ ү һ і print on any printer.
/// </summary>
public static class TicketLayout
{
    public static (byte[] Job, TicketPrintMode Mode) Render(IPaperSlip slip, PrinterProfile profile)
    {
        var lines = slip.Lines();
        if (profile.PageFor([.. lines, slip.Big]) is { } page)
        {
            return (Text(slip, lines, page.Page, page.Number), TicketPrintMode.Text);
        }

        return (Raster(slip, profile), TicketPrintMode.Raster);
    }

    /// <summary>The ticket drawn and sent as a picture, whatever code pages the printer has.</summary>
    public static byte[] Raster(IPaperSlip slip, PrinterProfile profile) =>
        new EscPosWriter().Initialize().Raster(Draw(slip, profile.DotsPerLine)).Feed(3).Cut().ToArray();

    private static byte[] Text(IPaperSlip slip, IReadOnlyList<string> lines, PrinterCodePage page, byte number)
    {
        // A ticket number fits four times wide; an eight-letter code twice, even on 58 mm paper.
        var size = slip.Big.Length <= 6 ? 4 : 2;
        var w = new EscPosWriter().Initialize().CodePage(page, number).Align(Alignment.Center)
            .Emphasis(true).Line(lines[0]).Line(lines[1]).Emphasis(false).Feed(1)
            .Size(size, size).Emphasis(true).Line(slip.Big).Emphasis(false).Size(1, 1).Feed(1);
        foreach (var line in lines.Skip(2).Take(slip.BodyLines))
        {
            w.Line(line);
        }

        w.Feed(1).QrCode(slip.QrUrl, 6);
        foreach (var line in lines.Skip(2 + slip.BodyLines))
        {
            w.Emphasis(line == slip.Warning).Line(line);
        }

        return w.Emphasis(false).Feed(3).Cut().ToArray();
    }

    /// <summary>The ticket as a picture <paramref name="width"/> dots wide (also the PNG preview).</summary>
    public static MonochromeImage Draw(IPaperSlip slip, int width)
    {
        using var regular = Typeface("DejaVuSans.ttf");
        using var bold = Typeface("DejaVuSans-Bold.ttf");
        var lines = slip.Lines();
        var qr = MonochromeImage.QrCode(slip.QrUrl, Math.Max(4, width / 100));

        var blocks = new List<(string Text, SKTypeface Face, float Size)>
        {
            (lines[0], bold, 24), (lines[1], bold, 24), ("", regular, 12),
            (slip.Big, bold, slip.Big.Length <= 6 ? 120 : 64), ("", regular, 12),
        };
        blocks.AddRange(lines.Skip(2).Take(slip.BodyLines).Select(l => (Text: l, Face: regular, Size: 24f)));
        var after = lines.Skip(2 + slip.BodyLines)
            .Select(l => (Text: l, Face: l == slip.Warning ? bold : regular, Size: l == slip.Warning ? 26f : 20f)).ToList();

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
