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

    /// <summary>Login attempts allowed per client address per minute.</summary>
    [Range(1, 10000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;
}

public sealed class BootstrapOptions
{
    /// <summary>The first admin's password; when empty a random one is written to the data directory.</summary>
    public string? AdminPassword { get; set; }
}
