using System.Security.Cryptography;
using System.Text;

namespace OpenAlmaty.FrontOffice.Domain.Devices;

public enum DeviceKind
{
    Kiosk,
    Display,
}

/// <summary>
/// An enrolled kiosk or hall display. It authenticates with a bearer token that is shown once at
/// enrolment and stored only as a SHA-256 hash: a copy of the database lets nobody act as a device.
/// </summary>
public sealed class Device
{
    public Guid Id { get; init; }
    public DeviceKind Kind { get; init; }
    public required string Name { get; set; }
    public required string TokenHash { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastSeenAt { get; set; }

    /// <summary>The kiosk's network printer as <c>host:port</c>; null when it has none.</summary>
    public string? PrinterAddress { get; set; }

    /// <summary>Which printer profile (model) it is, e.g. <c>epson-80</c>.</summary>
    public string? PrinterProfile { get; set; }

    /// <summary>The printer's last fault (paper out, cover open …), null while it prints; shown to staff.</summary>
    public string? PrinterFault { get; set; }

    public DateTime? PrinterCheckedAt { get; set; }

    /// <summary>A display's board: <c>hall</c> (every agency) or <c>group</c> (agencies of <see cref="DisplayGroup"/>'s kind).</summary>
    public string DisplayLayout { get; set; } = "hall";

    public string? DisplayGroup { get; set; }

    /// <summary><c>voice</c> (chime and announcement), <c>chime</c> only, or <c>off</c>.</summary>
    public string DisplaySound { get; set; } = "voice";

    /// <summary>The ticker line, sanitized when saved and again when shown.</summary>
    public string? TickerHtml { get; set; }

    public static (Device Device, string Token) Enrol(DeviceKind kind, string name, DateTime nowUtc)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var device = new Device
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Name = name,
            TokenHash = HashToken(token),
            CreatedAt = nowUtc,
        };
        return (device, token);
    }

    public static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
