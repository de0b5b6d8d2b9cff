namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// Settings an administrator changes on the admin pages (one row). Kept in the database so that
/// they are backed up, restored and changed in a transaction with their audit entry.
/// </summary>
public sealed class OfficeSettings
{
    public const int SingleRowId = 1;

    public int Id { get; init; } = SingleRowId;

    /// <summary>Days personal data is kept after the visit or reception; null until an admin sets it (the configured default applies).</summary>
    public int? RetentionDays { get; set; }

    public DateTime? RetentionChangedAt { get; set; }
}
