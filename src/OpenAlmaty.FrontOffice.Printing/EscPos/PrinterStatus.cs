namespace OpenAlmaty.FrontOffice.Printing.EscPos;

/// <summary>The n of DLE EOT n.</summary>
public enum StatusKind : byte
{
    Printer = 1,
    OfflineCause = 2,
    ErrorCause = 3,
    PaperSensor = 4,
}

/// <summary>Why a printer cannot print now; <see cref="Ready"/> when it can.</summary>
public enum PrinterFault
{
    Ready,
    PaperOut,
    CoverOpen,
    Offline,
    Error,
    NoAnswer,
    Unreachable,
}

/// <summary>What the printer said to DLE EOT 1, 2 and 4, read the way the ESC/POS reference lays out the bits.</summary>
public sealed record PrinterStatus(PrinterFault Fault, bool PaperNearEnd)
{
    public bool CanPrint => Fault == PrinterFault.Ready;

    /// <summary>
    /// Reads the three status bytes. Each has bit 1 set and bit 4 set, bit 0 and bit 7 clear; a
    /// byte that does not look like that is not a status byte.
    /// </summary>
    public static PrinterStatus Read(byte printer, byte offline, byte paper)
    {
        if (!IsStatusByte(printer) || !IsStatusByte(offline) || !IsStatusByte(paper))
        {
            return new PrinterStatus(PrinterFault.Error, false);
        }

        var nearEnd = (paper & 0x0C) != 0;
        if ((paper & 0x60) != 0 || (offline & 0x20) != 0)
        {
            return new PrinterStatus(PrinterFault.PaperOut, nearEnd);
        }

        if ((offline & 0x04) != 0)
        {
            return new PrinterStatus(PrinterFault.CoverOpen, nearEnd);
        }

        if ((offline & 0x40) != 0)
        {
            return new PrinterStatus(PrinterFault.Error, nearEnd);
        }

        return (printer & 0x08) != 0
            ? new PrinterStatus(PrinterFault.Offline, nearEnd)
            : new PrinterStatus(PrinterFault.Ready, nearEnd);
    }

    private static bool IsStatusByte(byte b) => (b & 0x93) == 0x12;
}

/// <summary>The fault as the word stored, shown to staff and sent by the print agent: <c>paper-out</c>, <c>cover-open</c> ….</summary>
public static class PrinterFaultCodes
{
    public static string Code(this PrinterFault fault) => fault switch
    {
        PrinterFault.PaperOut => "paper-out",
        PrinterFault.CoverOpen => "cover-open",
        PrinterFault.NoAnswer => "no-answer",
        _ => fault.ToString().ToLowerInvariant(),
    };

    public static PrinterFault? Parse(string? code) =>
        Enum.GetValues<PrinterFault>().Cast<PrinterFault?>().FirstOrDefault(f => f!.Value.Code() == code);
}
