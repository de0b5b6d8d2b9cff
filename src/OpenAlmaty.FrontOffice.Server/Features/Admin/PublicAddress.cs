using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Server.Features.Admin;

/// <summary>
/// The address the QR on tickets and slips opens (<see cref="FrontOfficeOptions.PublicBaseUrl"/>), and
/// whether it can work. The default, <c>http://localhost:5080</c>, is right on a laptop and wrong in
/// the hall: a phone that opens "localhost" looks for the server on itself. So when the public address
/// is a loopback one while the server listens on other interfaces too (it is meant to be reached over
/// the network), the server says so once it listens (a log warning) and the admin dashboard shows it.
/// </summary>
public sealed partial class PublicAddress(
    IServer server, IConfiguration configuration, IOptions<FrontOfficeOptions> options, IHostApplicationLifetime lifetime, ILogger<PublicAddress> log)
    : IHostedService
{
    /// <summary>What the QR on a ticket opens, with the ticket's part left out: <c>http://192.168.1.10:5080/t/…</c>.</summary>
    public string TicketQr => options.Value.PublicBaseUrl.TrimEnd('/') + "/t/…";

    /// <summary>A non-loopback address the server listens on while the public address is loopback; null when the two agree.</summary>
    public string? Mismatch => IsLoopback(options.Value.PublicBaseUrl) ? Listening().FirstOrDefault(a => !ListensOnLoopbackOnly(a)) : null;

    /// <summary>What the server listens on: its bound addresses once it runs, else the configured <c>urls</c>.</summary>
    private IEnumerable<string> Listening() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } bound
            ? bound
            : (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>localhost, 127.0.0.0/8 and ::1: addresses a visitor's phone would take for itself.</summary>
    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsLoopbackHost(uri.Host);

    /// <summary>A listening address that only this machine can reach (not 0.0.0.0, [::], *, a LAN address or a host name).</summary>
    public static bool ListensOnLoopbackOnly(string address)
    {
        try
        {
            return IsLoopbackHost(BindingAddress.Parse(address).Host);
        }
        catch (FormatException)
        {
            return true; // not an address we can judge: no warning from a guess
        }
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The bound addresses are known once the server listens, after every hosted service has started.
        lifetime.ApplicationStarted.Register(() => Check());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Logs the warning when the public address cannot work; true when it did.</summary>
    public bool Check()
    {
        if (Mismatch is not { } listening)
        {
            return false;
        }

        LoopbackPublicAddress(log, options.Value.PublicBaseUrl, listening);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "FrontOffice:PublicBaseUrl is {PublicBaseUrl}, a loopback address, while the server listens on {Listening}: " +
        "the QR codes on tickets and booking slips will open nothing on visitors' phones. Set FrontOffice__PublicBaseUrl to the address phones reach, e.g. http://192.168.1.10:5080")]
    private static partial void LoopbackPublicAddress(ILogger logger, string publicBaseUrl, string listening);
}

public static class PublicAddressSetup
{
    public static IServiceCollection AddPublicAddressCheck(this IServiceCollection services)
    {
        services.AddSingleton<PublicAddress>();
        services.AddHostedService(sp => sp.GetRequiredService<PublicAddress>());
        return services;
    }
}
