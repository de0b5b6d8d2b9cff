namespace OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

/// <summary>Why the console shows no desk.</summary>
public enum DeskRefusalReason
{
    /// <summary>The officer has no desk assigned.</summary>
    NoDesk,

    /// <summary>The desk asked for is assigned to others.</summary>
    NotYours,

    /// <summary>There is no such desk (or it was retired).</summary>
    Unknown,
}
