using System.Text;

namespace OpenAlmaty.FrontOffice.Printing.EscPos;

public enum Alignment : byte
{
    Left = 0,
    Center = 1,
    Right = 2,
}

/// <summary>
/// Builds an ESC/POS byte stream, command by command, as the Epson ESC/POS reference defines
/// them. Text goes through the selected <see cref="PrinterCodePage"/>'s strict encoder.
/// </summary>
public sealed class EscPosWriter
{
    private const byte Esc = 0x1B;
    private const byte Gs = 0x1D;

    /// <summary>Printers buffer at most this many raster rows in one GS v 0; taller images are split.</summary>
    public const int MaxRasterBandHeight = 256;

    private readonly MemoryStream _bytes = new();
    private PrinterCodePage? _codePage;

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>ESC @ — reset the printer to its defaults.</summary>
    public EscPosWriter Initialize() => Raw(Esc, 0x40);

    /// <summary>ESC a n.</summary>
    public EscPosWriter Align(Alignment alignment) => Raw(Esc, 0x61, (byte)alignment);

    /// <summary>ESC E n — bold on or off.</summary>
    public EscPosWriter Emphasis(bool on) => Raw(Esc, 0x45, on ? (byte)1 : (byte)0);

    /// <summary>GS ! n — character width and height multipliers, 1 to 8 each.</summary>
    public EscPosWriter Size(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8);
        return Raw(Gs, 0x21, (byte)(((width - 1) << 4) | (height - 1)));
    }

    /// <summary>ESC t n — select the printer's code table <paramref name="number"/>, which the profile says holds <paramref name="codePage"/>.</summary>
    public EscPosWriter CodePage(PrinterCodePage codePage, byte number)
    {
        _codePage = codePage;
        return Raw(Esc, 0x74, number);
    }

    /// <summary>Text in the selected code page; refused whole when one character does not fit.</summary>
    public EscPosWriter Text(string text)
    {
        var page = _codePage;
        if (page is null)
        {
            if (text.Any(c => c >= 0x80))
            {
                throw new InvalidOperationException("Select a code page before printing non-ASCII text.");
            }

            return Raw(Encoding.ASCII.GetBytes(text));
        }

        return Raw(page.Encode(text));
    }

    public EscPosWriter Line(string text = "") => Text(text).Raw(0x0A);

    /// <summary>ESC d n — print and feed n lines.</summary>
    public EscPosWriter Feed(byte lines) => Raw(Esc, 0x64, lines);

    /// <summary>GS V 66 n — feed n dots past the cutter, then a partial cut.</summary>
    public EscPosWriter Cut(byte feed = 3) => Raw(Gs, 0x56, 0x42, feed);

    /// <summary>
    /// The printer's own QR code (GS ( k, model 2): select model, module size, error correction
    /// M, store the data, print it.
    /// </summary>
    public EscPosWriter QrCode(string data, byte moduleSize = 6)
    {
        var payload = Encoding.UTF8.GetBytes(data);
        if (payload.Length > 7089)
        {
            throw new ArgumentException("A QR code holds at most 7089 bytes.", nameof(data));
        }

        var length = payload.Length + 3;
        Raw(Gs, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
        Raw(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, moduleSize);
        Raw(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31);
        Raw(Gs, 0x28, 0x6B, (byte)(length & 0xFF), (byte)(length >> 8), 0x31, 0x50, 0x30);
        Raw(payload);
        return Raw(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);
    }

    /// <summary>GS v 0 — a raster image, one command per band of at most <see cref="MaxRasterBandHeight"/> rows.</summary>
    public EscPosWriter Raster(MonochromeImage image)
    {
        var bytesPerRow = (image.Width + 7) / 8;
        for (var top = 0; top < image.Height; top += MaxRasterBandHeight)
        {
            var rows = Math.Min(MaxRasterBandHeight, image.Height - top);
            Raw(Gs, 0x76, 0x30, 0x00, (byte)(bytesPerRow & 0xFF), (byte)(bytesPerRow >> 8), (byte)(rows & 0xFF), (byte)(rows >> 8));
            var band = new byte[bytesPerRow * rows];
            for (var y = 0; y < rows; y++)
            {
                for (var x = 0; x < image.Width; x++)
                {
                    if (image[x, top + y])
                    {
                        band[(y * bytesPerRow) + (x / 8)] |= (byte)(0x80 >> (x % 8));
                    }
                }
            }

            Raw(band);
        }

        return this;
    }

    /// <summary>DLE EOT n — real-time status request (1 printer, 2 offline cause, 3 error cause, 4 paper sensor).</summary>
    public static byte[] StatusRequest(StatusKind kind) => [0x10, 0x04, (byte)kind];

    public EscPosWriter Raw(params ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }
}
