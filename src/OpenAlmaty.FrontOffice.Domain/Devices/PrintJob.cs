namespace OpenAlmaty.FrontOffice.Domain.Devices;

/// <summary>
/// One attempt to print a ticket, with its outcome. A failed job stays failed: it is never
/// replayed by itself (the visitor may have left with the number on screen); staff reprint.
/// </summary>
public sealed class PrintJob
{
    public long Id { get; init; }
    public Guid TicketId { get; init; }
    public Guid DeviceId { get; init; }
    public required string Mode { get; init; }
    public bool Printed { get; init; }

    /// <summary>Null when printed; otherwise why not (PaperOut, CoverOpen, Offline, NoAnswer, Unreachable …).</summary>
    public string? Fault { get; init; }

    public string? Detail { get; init; }
    public bool IsReprint { get; init; }
    public string? RequestedBy { get; init; }
    public DateTime CreatedAt { get; init; }
}
