namespace OpenAlmaty.FrontOffice.Domain.Roster;

/// <summary>A numbered window in the hall that serves one or more services.</summary>
public sealed class Desk
{
    public int Id { get; init; }

    /// <summary>The number the hall sees and hears ("7-терезе" / "окно 7").</summary>
    public required string Number { get; set; }

    public bool IsOpen { get; set; }

    /// <summary>The officer signed in at the desk: set when they open it or call from it, cleared when
    /// they close it, sign out or lose their account.</summary>
    public string? OfficerId { get; set; }

    /// <summary>Open with an officer at it: only such desks call visitors in a wait estimate or hold a named transfer.</summary>
    public bool IsServing => IsOpen && OfficerId is not null && RetiredAt is null;

    /// <summary><see cref="IsServing"/> for queries.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Desk, bool>> Serving =
        d => d.IsOpen && d.OfficerId != null && d.RetiredAt == null;

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
