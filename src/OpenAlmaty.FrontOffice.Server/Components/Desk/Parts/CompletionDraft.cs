namespace OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

/// <summary>
/// What the officer has chosen so far to complete a visit. The page keeps it while the officer
/// switches to the transfer panel and back, and forgets it once the visit is completed or transferred
/// or the next visitor is called.
/// </summary>
public sealed record CompletionDraft(string Outcome, string Topic, string Ksk, string Note)
{
    public static readonly CompletionDraft Empty = new("", "", "", "");

    /// <summary>A visit completed at the console always says how it ended and what it was about (the report counts
    /// both); the API alone may complete one without.</summary>
    public bool CanComplete => Outcome != "" && Topic != "";

    /// <summary>Only a housing matter names its KSK: the field shows, and its text is sent, for that topic alone.</summary>
    public bool AsksKsk => Topic == "housing";
}
