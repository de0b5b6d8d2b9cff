using System.Collections.Concurrent;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Printing;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Printing.Transports;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>
/// One kept connection per printer address, shared by every request, so that two kiosks' jobs
/// on one printer never interleave and a print does not pay for a new TCP connection.
/// </summary>
public sealed class PrinterConnections(IPrintAgents agents) : IAsyncDisposable
{
    /// <summary>The address of a printer on the kiosk PC itself, which the print agent there serves.</summary>
    public const string Agent = "agent";

    private readonly ConcurrentDictionary<string, IPrinterTransport> _transports = new(StringComparer.Ordinal);

    /// <summary>Prints a job on a kiosk's printer, wherever it is attached; status first, never replayed.</summary>
    public Task<PrintOutcome> PrintAsync(Device device, byte[] job, CancellationToken ct)
    {
        var address = device.PrinterAddress?.Trim() ?? throw new ArgumentException("The device has no printer.", nameof(device));
        if (address == Agent)
        {
            return agents.PrintAsync(device.Id, job, ct);
        }

        // An address saved before the rules were (a path that is no printer device) is never written to.
        return PrinterAddress.IsDeviceFile(address) && !PrinterAddressPolicy.IsPrinterDevice(address)
            ? Task.FromResult(new PrintOutcome(false, PrinterFault.Unreachable, $"{address} is not a printer device; set the printer again."))
            : For(address).PrintAsync(job, ct);
    }

    /// <summary>A printer's status by its address (never an agent's: its agent reports it); a path that is no printer device is unreachable.</summary>
    public Task<PrinterStatus> StatusAsync(string address, CancellationToken ct) =>
        PrinterAddress.IsDeviceFile(address) && !PrinterAddressPolicy.IsPrinterDevice(address)
            ? Task.FromResult(new PrinterStatus(PrinterFault.Unreachable, false))
            : For(address).StatusAsync(ct);

    public TicketPrinter For(string address)
    {
        var (key, open) = PrinterAddress.Resolve(address);
        return new TicketPrinter(_transports.GetOrAdd(key, _ => open()));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _transports.Values)
        {
            await transport.DisposeAsync();
        }
    }
}
