namespace OpenAlmaty.FrontOffice.Domain.Roster;

/// <summary>A numbered window in the hall that serves one or more services.</summary>
public sealed class Desk
{
    public int Id { get; init; }

    /// <summary>The number the hall sees and hears ("7-терезе" / "окно 7").</summary>
    public required string Number { get; set; }

    public bool IsOpen { get; set; }

    /// <summary>Why the desk is closed (break, meeting), shown to staff.</summary>
    public string? ClosedReason { get; set; }

    public DateTime? RetiredAt { get; set; }
    public List<DeskService> Services { get; init; } = [];
}

/// <summary>That a desk serves a service.</summary>
public sealed class DeskService
{
    public int DeskId { get; init; }
    public int ServiceId { get; init; }
}

/// <summary>That an officer may act for a desk.</summary>
public sealed class OfficerDesk
{
    public required string UserId { get; init; }
    public int DeskId { get; init; }
}
