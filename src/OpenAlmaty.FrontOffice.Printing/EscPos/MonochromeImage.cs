namespace OpenAlmaty.FrontOffice.Printing.EscPos;

/// <summary>A black-and-white picture for the printer: true is a black dot.</summary>
public sealed class MonochromeImage
{
    private readonly bool[] _dots;

    public MonochromeImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _dots = new bool[width * height];
    }

    public int Width { get; }
    public int Height { get; }

    public bool this[int x, int y]
    {
        get => _dots[(y * Width) + x];
        set => _dots[(y * Width) + x] = value;
    }

    /// <summary>The QR code of <paramref name="text"/>, <paramref name="scale"/> dots a module, with a quiet zone.</summary>
    public static MonochromeImage QrCode(string text, int scale)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var image = new MonochromeImage(size * scale, size * scale);
        for (var my = 0; my < size; my++)
        {
            for (var mx = 0; mx < size; mx++)
            {
                if (!modules[my][mx])
                {
                    continue;
                }

                for (var dy = 0; dy < scale; dy++)
                {
                    for (var dx = 0; dx < scale; dx++)
                    {
                        image[(mx * scale) + dx, (my * scale) + dy] = true;
                    }
                }
            }
        }

        return image;
    }
}
