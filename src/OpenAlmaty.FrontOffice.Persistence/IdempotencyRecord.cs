namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// The remembered outcome of a request sent with an <c>Idempotency-Key</c>, saved in the same
/// transaction as its effect: a retried tap or click returns the first answer and changes nothing.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Who sent it (<c>device:{id}</c> or <c>user:{id}</c>): keys of different callers never collide.</summary>
    public required string Scope { get; init; }

    public required string Key { get; init; }

    /// <summary>The action the key was first used for; the same key on another action is refused.</summary>
    public required string Operation { get; init; }

    public Guid? TicketId { get; init; }
    public DateTime CreatedAt { get; init; }
}
