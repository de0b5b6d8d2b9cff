using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Printing.Transports;

namespace OpenAlmaty.FrontOffice.Printing;

/// <summary>How a print job ended. Stored with the ticket; a failed job is never replayed by itself.</summary>
public sealed record PrintOutcome(bool Printed, PrinterFault Fault, string? Detail)
{
    public static PrintOutcome Done { get; } = new(true, PrinterFault.Ready, null);
}

/// <summary>
/// Prints transactionally: asks the printer's status first and sends nothing to a printer that
/// cannot print (no paper, cover open, offline, silent). The ticket is valid either way; the
/// kiosk shows it on screen with its QR.
/// </summary>
public sealed class TicketPrinter(IPrinterTransport transport)
{
    /// <summary>What the printer says of itself now, without printing (the server's watch between jobs).</summary>
    public Task<PrinterStatus> StatusAsync(CancellationToken ct) => transport.QueryStatusAsync(ct);

    public async Task<PrintOutcome> PrintAsync(byte[] job, CancellationToken ct)
    {
        var status = await transport.QueryStatusAsync(ct);
        if (!status.CanPrint)
        {
            return new PrintOutcome(false, status.Fault, $"The printer reported {status.Fault} before printing.");
        }

        try
        {
            await transport.SendAsync(job, ct);
            return PrintOutcome.Done;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return new PrintOutcome(false, PrinterFault.Unreachable, "The connection dropped during the job; it is not sent again.");
        }
    }
}
