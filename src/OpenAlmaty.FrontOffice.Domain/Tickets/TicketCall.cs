namespace OpenAlmaty.FrontOffice.Domain.Tickets;

/// <summary>
/// One call of a ticket to a desk, with the reason it was chosen and how it ended: the audit of
/// every call, and the source of the service times that wait estimates learn from.
/// </summary>
public sealed class TicketCall
{
    public long Id { get; init; }
    public Guid TicketId { get; init; }
    public int ServiceId { get; init; }
    public int DeskId { get; init; }
    public string? OfficerId { get; init; }
    public DateTime CalledAt { get; init; }
    public required string Rule { get; init; }
    public required string Reason { get; init; }
    public DateTime? ServingStartedAt { get; set; }
    public DateTime? EndedAt { get; private set; }
    public CallOutcome? Outcome { get; private set; }

    public void End(CallOutcome outcome, DateTime nowUtc)
    {
        Outcome = outcome;
        EndedAt = nowUtc;
    }
}
