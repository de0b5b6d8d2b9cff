using System.ComponentModel.DataAnnotations;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>The <c>FrontOffice</c> configuration section.</summary>
public sealed class FrontOfficeOptions
{
    public const string Section = "FrontOffice";

    /// <summary>Where the database, the initial admin password and reports live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Opens every service whatever the hours and marks tickets as training.</summary>
    public bool TrainingMode { get; set; }

    public BootstrapOptions Bootstrap { get; set; } = new();

    /// <summary>Where visitors' phones reach the server (the QR on a ticket opens <c>{PublicBaseUrl}/t/{publicId}</c>).</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How long an idempotency key is remembered.</summary>
    [Range(1, 720)]
    public int IdempotencyHours { get; set; } = 24;

    /// <summary>
    /// How many days after a reception the resident's personal data (name, phone, matter, IIN hash
    /// and digits) is kept; then it is erased and only the anonymous fact of the booking remains.
    /// </summary>
    [Range(1, 3650)]
    public int ReceptionRetentionDays { get; set; } = 365;

    /// <summary>Sign-in attempts (API and login page together) allowed per client address per minute.</summary>
    [Range(1, 10000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Booking-code look-ups by someone not signed in (status page, API: view, calendar file, confirm,
    /// cancel) allowed per client address per minute: a resident needs a few, a guesser millions.
    /// </summary>
    [Range(1, 10000)]
    public int CodeLookupsPerMinute { get; set; } = 20;

    /// <summary>How often the server asks each kiosk's network or USB printer how it is, between jobs.</summary>
    [Range(1, 3600)]
    public int PrinterPollSeconds { get; set; } = 30;

    /// <summary>
    /// The networks a kiosk's network printer may be on, in CIDR notation; null: the private ranges and
    /// loopback (<c>Printing.PrinterAddressPolicy.DefaultNetworks</c>). Set e.g.
    /// <c>FrontOffice__PrinterNetworks__0=192.168.10.0/24</c> to allow only the hall's own.
    /// </summary>
    public string[]? PrinterNetworks { get; set; }

    /// <summary>
    /// The server refuses to start as root (a mistake in a printer path or a file name would then reach
    /// the whole machine) unless this says it may; the test harness sets it on CI machines that run as root.
    /// </summary>
    public bool AllowRoot { get; set; }
}

public sealed class BootstrapOptions
{
    /// <summary>The first admin's password; when empty a random one is written to the data directory.</summary>
    public string? AdminPassword { get; set; }
}
