using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// Remembers the outcome of a keyed request in the same transaction as its effect, so a retry
/// (a second tap, a lost response) returns the first outcome and changes nothing.
/// </summary>
public static class Idempotency
{
    public const int MaxKeyLength = 100;

    // Compiled once: every tap at a kiosk asks this before anything else.
    private static readonly Func<FrontOfficeDb, string, string, CancellationToken, Task<IdempotencyRecord?>> Find =
        EF.CompileAsyncQuery((FrontOfficeDb db, string scope, string key, CancellationToken ct) =>
            db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.Scope == scope && r.Key == key));

    /// <summary>The remembered outcome of <paramref name="key"/>, or null when it is new.</summary>
    public static async Task<IdempotencyRecord?> FindAsync(FrontOfficeDb db, Actor actor, string key, string operation, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            throw ProblemException.Invalid(ProblemTypes.IdempotencyKeyMissing,
                $"Send an {FrontOfficeRoutes.IdempotencyKeyHeader} of 1 to {MaxKeyLength} characters.");
        }

        var record = await Find(db, actor.Scope, key, ct);
        if (record is not null && record.Operation != operation)
        {
            throw new ProblemException(ProblemTypes.IdempotencyKeyReused, 422,
                $"This key was already used for {record.Operation}.");
        }

        return record;
    }

    public static void Remember(FrontOfficeDb db, Actor actor, string key, string operation, Guid? ticketId, DateTime nowUtc) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = actor.Scope,
            Key = key,
            Operation = operation,
            TicketId = ticketId,
            CreatedAt = nowUtc,
        });
}
