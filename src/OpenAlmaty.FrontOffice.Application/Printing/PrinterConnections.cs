using System.Collections.Concurrent;
using OpenAlmaty.FrontOffice.Printing;
using OpenAlmaty.FrontOffice.Printing.Transports;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>
/// One kept connection per printer address, shared by every request, so that two kiosks' jobs
/// on one printer never interleave and a print does not pay for a new TCP connection.
/// </summary>
public sealed class PrinterConnections : IAsyncDisposable
{
    public const int DefaultPort = 9100;
    private readonly ConcurrentDictionary<string, IPrinterTransport> _transports = new(StringComparer.Ordinal);

    public TicketPrinter For(string address)
    {
        if (IsDeviceFile(address))
        {
            return new TicketPrinter(_transports.GetOrAdd(address, a => new DeviceFileTransport(a)));
        }

        var (host, port) = Parse(address) ?? throw new ArgumentException($"Not a printer address: {address}", nameof(address));
        return new TicketPrinter(_transports.GetOrAdd($"{host}:{port}".ToLowerInvariant(), _ => new TcpPrinterTransport(host, port)));
    }

    /// <summary>A printer attached to the server itself: <c>/dev/usb/lp0</c>, <c>/dev/ttyUSB0</c> (an absolute path).</summary>
    public static bool IsDeviceFile(string? address) =>
        address is { Length: > 1 and <= 200 } && address[0] == '/' && !address.Contains("..", StringComparison.Ordinal);

    /// <summary>Whether the server can reach a printer at this address: a device path or <c>host[:port]</c>.</summary>
    public static bool IsValid(string? address) => IsDeviceFile(address?.Trim()) || Parse(address) is not null;

    /// <summary><c>host</c> or <c>host:port</c>; null when it is neither.</summary>
    public static (string Host, int Port)? Parse(string? address)
    {
        var text = address?.Trim() ?? "";
        if (text.Length is 0 or > 200 || text.Contains(' ', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return (text, DefaultPort);
        }

        return int.TryParse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 && colon > 0
            ? (text[..colon], port)
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _transports.Values)
        {
            await transport.DisposeAsync();
        }
    }
}
