namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// A message owed to a resident about a booking (booked, moved, offered a place, cancelled). The
/// default channel is the staff "to call" list; a gateway (SMS, e-mail) can take them instead.
/// It carries the booking's version: a notice made before the booking changed again is stale and
/// is never delivered.
/// </summary>
public sealed class ResidentNotice
{
    public long Id { get; init; }
    public Guid BookingId { get; init; }
    public int BookingVersion { get; init; }
    public required string Kind { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }

    /// <summary>Superseded by a later change of the booking: not to be delivered.</summary>
    public bool Stale { get; set; }
}
