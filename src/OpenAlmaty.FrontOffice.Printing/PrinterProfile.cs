using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Printing;

/// <summary>How a ticket is printed: as text in a code page that holds it, or drawn as a picture.</summary>
public enum TicketPrintMode
{
    Text,
    Raster,
}

/// <summary>
/// What a printer model can do: its width in dots and which ESC t number selects which code
/// page on it. The same number means different tables on different makes, and many clones
/// have no KZ-1048 at all: those print Kazakh tickets in raster mode.
/// </summary>
public sealed record PrinterProfile(string Code, string Model, int DotsPerLine, IReadOnlyDictionary<string, byte> CodePages)
{
    /// <summary>Epson TM-T20/TM-T88 class, 80 mm: table 53 is KZ-1048.</summary>
    public static PrinterProfile Epson80 { get; } = new("epson-80", "Epson TM-T20 / TM-T88 (80 mm)", 576, new Dictionary<string, byte>
    {
        [PrinterCodePage.Kz1048.Name] = 53,
        [PrinterCodePage.Cp866.Name] = 17,
        [PrinterCodePage.Wpc1251.Name] = 46,
    });

    /// <summary>A typical 80 mm clone (XPrinter and the like): Russian tables only.</summary>
    public static PrinterProfile Generic80 { get; } = new("generic-80", "Generic ESC/POS 80 mm (no KZ-1048)", 576, new Dictionary<string, byte>
    {
        [PrinterCodePage.Cp866.Name] = 17,
        [PrinterCodePage.Wpc1251.Name] = 46,
    });

    /// <summary>58 mm printers: 384 dots.</summary>
    public static PrinterProfile Generic58 { get; } = new("generic-58", "Generic ESC/POS 58 mm (no KZ-1048)", 384, new Dictionary<string, byte>
    {
        [PrinterCodePage.Cp866.Name] = 17,
    });

    public static IReadOnlyList<PrinterProfile> All { get; } = [Epson80, Generic80, Generic58];

    public static PrinterProfile? Find(string code) => All.FirstOrDefault(p => p.Code == code);

    /// <summary>The first of the printer's code pages that holds every line, with its ESC t number.</summary>
    public (PrinterCodePage Page, byte Number)? PageFor(IEnumerable<string> lines)
    {
        var text = string.Concat(lines);
        foreach (var page in PrinterCodePage.All)
        {
            if (CodePages.TryGetValue(page.Name, out var number) && page.CanEncode(text))
            {
                return (page, number);
            }
        }

        return null;
    }
}
