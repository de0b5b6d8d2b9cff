namespace OpenAlmaty.FrontOffice.Printing.Transports;

/// <summary>
/// Where a printer is, as an admin writes it: <c>host</c> or <c>host:port</c> for a network
/// printer (raw TCP, port 9100 by default), or an absolute device path such as
/// <c>/dev/usb/lp0</c> or <c>/dev/ttyUSB0</c> for one attached to this machine.
/// </summary>
public static class PrinterAddress
{
    public const int DefaultPort = 9100;

    public static bool IsDeviceFile(string? address) =>
        address is { Length: > 1 and <= 200 } && address[0] == '/' && !address.Contains("..", StringComparison.Ordinal);

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

    public static bool IsValid(string? address) => IsDeviceFile(address?.Trim()) || Parse(address) is not null;

    /// <summary>The transport for an address; the same text always gives the same key, so connections can be shared.</summary>
    public static (string Key, Func<IPrinterTransport> Open) Resolve(string address)
    {
        var text = address.Trim();
        if (IsDeviceFile(text))
        {
            return (text, () => new DeviceFileTransport(text));
        }

        var (host, port) = Parse(text) ?? throw new ArgumentException($"Not a printer address: {address}", nameof(address));
        return ($"{host}:{port}".ToLowerInvariant(), () => new TcpPrinterTransport(host, port));
    }
}
