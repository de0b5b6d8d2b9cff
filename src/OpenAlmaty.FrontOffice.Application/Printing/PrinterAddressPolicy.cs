using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Printing.Transports;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>
/// What a kiosk's printer address may be, so that the printer settings can neither write into a
/// file of the server nor make the server knock on the ports of any machine:
/// <list type="bullet">
/// <item><c>host[:port]</c> whose every address lies in the hall's networks
/// (<see cref="FrontOfficeOptions.PrinterNetworks"/>; by default the private ranges and loopback —
/// not link-local, where the cloud metadata service answers);</item>
/// <item>a printer device on the server: <c>/dev/usb/lp*</c>, <c>/dev/ttyUSB*</c>, <c>/dev/ttyS*</c>, <c>/dev/ttyACM*</c>;</item>
/// <item><c>agent</c>: the print agent on the kiosk PC.</item>
/// </list>
/// </summary>
public sealed partial class PrinterAddressPolicy(IOptions<FrontOfficeOptions> options)
{
    /// <summary>RFC 1918, RFC 4193 (unique local IPv6) and loopback.</summary>
    public static readonly IReadOnlyList<string> DefaultNetworks = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "fc00::/7", "::1/128"];

    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The networks printers may be on, as configured (checked at start: a wrong one stops the server).</summary>
    public IReadOnlyList<IPNetwork> Networks { get; } = ParseNetworks(options.Value.PrinterNetworks ?? DefaultNetworks)
        ?? throw new OptionsValidationException(FrontOfficeOptions.Section, typeof(FrontOfficeOptions), ["FrontOffice:PrinterNetworks holds a network that is not CIDR."]);

    /// <summary>The networks, or null when one of them is not in CIDR notation (<c>192.168.10.0/24</c>).</summary>
    public static IReadOnlyList<IPNetwork>? ParseNetworks(IEnumerable<string> networks)
    {
        var parsed = new List<IPNetwork>();
        foreach (var text in networks)
        {
            if (!IPNetwork.TryParse(text?.Trim(), out var network))
            {
                return null;
            }

            parsed.Add(network);
        }

        return parsed;
    }

    /// <summary>A device path of a printer: USB line printers and serial ports, numbered, nothing else under /dev or elsewhere.</summary>
    public static bool IsPrinterDevice(string path) => PrinterDevice().IsMatch(path);

    [GeneratedRegex(@"^/dev/(usb/lp|ttyUSB|ttyS|ttyACM)[0-9]{1,3}$")]
    private static partial Regex PrinterDevice();

    /// <summary>Why the address is refused (in English, for the problem's detail), or null when a printer may be there.</summary>
    public async Task<string?> RefusalAsync(string address, CancellationToken ct)
    {
        var text = address.Trim();
        if (text == PrinterConnections.Agent)
        {
            return null;
        }

        if (text.StartsWith('/'))
        {
            return IsPrinterDevice(text) ? null : $"\"{text}\" is not a printer device; on the server a printer is /dev/usb/lp*, /dev/ttyUSB*, /dev/ttyS* or /dev/ttyACM*.";
        }

        if (PrinterAddress.Parse(text) is not { } endpoint)
        {
            return $"\"{text}\" is not host, host:port, a printer device such as /dev/usb/lp0, or \"agent\".";
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(LookupTimeout);
                addresses = await Dns.GetHostAddressesAsync(endpoint.Host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException && !ct.IsCancellationRequested)
            {
                return $"\"{endpoint.Host}\" cannot be found on the network.";
            }
        }

        var outside = addresses.Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).FirstOrDefault(a => !Networks.Any(n => n.Contains(a)));
        return addresses.Length == 0 ? $"\"{endpoint.Host}\" cannot be found on the network."
            : outside is not null ? $"{outside} is outside the hall's printer networks ({string.Join(", ", Networks)}); FrontOffice:PrinterNetworks says which they are."
            : null;
    }
}
