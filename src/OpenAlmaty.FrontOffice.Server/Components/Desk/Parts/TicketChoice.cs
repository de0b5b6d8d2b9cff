namespace OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

/// <summary>A waiting visitor the officer is calling out of turn, and the reason so far (required, audited with the call).</summary>
public sealed record TicketChoice(Guid TicketId, string Reason)
{
    public bool CanCall => !string.IsNullOrWhiteSpace(Reason);
}
