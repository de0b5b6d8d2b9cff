using System.Text;

namespace OpenAlmaty.FrontOffice.Printing.EscPos;

/// <summary>Text that a code page cannot hold. A ticket never prints "?" in place of a letter.</summary>
public sealed class UnencodableTextException(string codePage, IReadOnlyList<char> characters)
    : Exception($"Code page {codePage} has no {string.Join(" ", characters.Select(c => $"'{c}' (U+{(int)c:X4})"))}.")
{
    public string CodePage { get; } = codePage;
    public IReadOnlyList<char> Characters { get; } = characters;
}

/// <summary>
/// A single-byte code page of a thermal printer, with a strict encoder: every character maps to
/// exactly one byte or the whole text is refused. ASCII (0x00–0x7F) is common to all of them.
/// </summary>
public sealed class PrinterCodePage
{
    private readonly char[] _high;
    private readonly Dictionary<char, byte> _toByte;

    private PrinterCodePage(string name, char[] high)
    {
        Name = name;
        _high = high;
        _toByte = [];
        for (var i = 0; i < 128; i++)
        {
            if (high[i] != Unmapped)
            {
                _toByte[high[i]] = (byte)(0x80 + i);
            }
        }
    }

    private const char Unmapped = '\uFFFF';

    public string Name { get; }

    /// <summary>KZ-1048 (STRK1048-2002, "RK1048"): Cyrillic with every Kazakh letter. Not in .NET.</summary>
    public static PrinterCodePage Kz1048 { get; } = new("KZ-1048", Kz1048Table.High);

    /// <summary>CP866 (DOS Cyrillic): Russian only.</summary>
    public static PrinterCodePage Cp866 { get; } = FromEncoding("CP866", 866);

    /// <summary>WPC1251 (Windows Cyrillic): Russian only.</summary>
    public static PrinterCodePage Wpc1251 { get; } = FromEncoding("WPC1251", 1251);

    public static IReadOnlyList<PrinterCodePage> All { get; } = [Kz1048, Cp866, Wpc1251];

    /// <summary>The character a high byte stands for, or null where the page leaves it unassigned.</summary>
    public char? CharOf(byte b) => b < 0x80 ? (char)b : _high[b - 0x80] == Unmapped ? null : _high[b - 0x80];

    public bool CanEncode(string text) => text.All(c => c < 0x80 || _toByte.ContainsKey(c));

    public byte[] Encode(string text)
    {
        var missing = text.Where(c => c >= 0x80 && !_toByte.ContainsKey(c)).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new UnencodableTextException(Name, missing);
        }

        return text.Select(c => c < 0x80 ? (byte)c : _toByte[c]).ToArray();
    }

    private static PrinterCodePage FromEncoding(string name, int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var high = new char[128];
        for (var i = 0; i < 128; i++)
        {
            try
            {
                high[i] = encoding.GetChars([(byte)(0x80 + i)])[0];
            }
            catch (DecoderFallbackException)
            {
                high[i] = Unmapped;
            }
        }

        return new PrinterCodePage(name, high);
    }

    private static class Kz1048Table
    {
        /// <summary>Bytes 0x80–0xFF of KZ-1048 as Unicode (the standard mapping; 0x98 is unassigned).</summary>
        public static readonly char[] High =
        [
            '\u0402', '\u0403', '\u201A', '\u0453', '\u201E', '\u2026', '\u2020', '\u2021', // 0x80
            '\u20AC', '\u2030', '\u0409', '\u2039', '\u040A', '\u049A', '\u04BA', '\u040F', // 0x88
            '\u0452', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', // 0x90
            Unmapped, '\u2122', '\u0459', '\u203A', '\u045A', '\u049B', '\u04BB', '\u045F', // 0x98
            '\u00A0', '\u04B0', '\u04B1', '\u04D8', '\u00A4', '\u04E8', '\u00A6', '\u00A7', // 0xA0
            '\u0401', '\u00A9', '\u0492', '\u00AB', '\u00AC', '\u00AD', '\u00AE', '\u04AE', // 0xA8
            '\u00B0', '\u00B1', '\u0406', '\u0456', '\u04E9', '\u00B5', '\u00B6', '\u00B7', // 0xB0
            '\u0451', '\u2116', '\u0493', '\u00BB', '\u04D9', '\u04A2', '\u04A3', '\u04AF', // 0xB8
            '\u0410', '\u0411', '\u0412', '\u0413', '\u0414', '\u0415', '\u0416', '\u0417', // 0xC0
            '\u0418', '\u0419', '\u041A', '\u041B', '\u041C', '\u041D', '\u041E', '\u041F', // 0xC8
            '\u0420', '\u0421', '\u0422', '\u0423', '\u0424', '\u0425', '\u0426', '\u0427', // 0xD0
            '\u0428', '\u0429', '\u042A', '\u042B', '\u042C', '\u042D', '\u042E', '\u042F', // 0xD8
            '\u0430', '\u0431', '\u0432', '\u0433', '\u0434', '\u0435', '\u0436', '\u0437', // 0xE0
            '\u0438', '\u0439', '\u043A', '\u043B', '\u043C', '\u043D', '\u043E', '\u043F', // 0xE8
            '\u0440', '\u0441', '\u0442', '\u0443', '\u0444', '\u0445', '\u0446', '\u0447', // 0xF0
            '\u0448', '\u0449', '\u044A', '\u044B', '\u044C', '\u044D', '\u044E', '\u044F', // 0xF8
        ];
    }
}
