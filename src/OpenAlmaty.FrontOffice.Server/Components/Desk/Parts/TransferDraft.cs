namespace OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

/// <summary>
/// Where the officer is sending the visitor, as chosen so far: a service (0 while none), a desk of it
/// (0 for any desk) and a note for the next officer. Kept by the page like <see cref="CompletionDraft"/>.
/// </summary>
public sealed record TransferDraft(int ToServiceId, int ToDeskId, string Note)
{
    public static readonly TransferDraft Empty = new(0, 0, "");

    public bool CanTransfer => ToServiceId != 0;
}
