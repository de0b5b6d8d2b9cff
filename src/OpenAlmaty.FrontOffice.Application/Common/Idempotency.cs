using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// Remembers the outcome of a keyed request in the same transaction as its effect, so a retry
/// (a second tap, a lost response) returns the first outcome and changes nothing. The key is
/// remembered with the request it came with (<see cref="For"/>): the same key with another request
/// (another service, another desk, another ticket) is a client's mistake and is refused with
/// <c>idempotency-key-reused</c>, rather than silently answered with the first outcome.
/// </summary>
public static class Idempotency
{
    public const int MaxKeyLength = 100;

    // Compiled once: every tap at a kiosk asks this before anything else.
    private static readonly Func<FrontOfficeDb, string, string, CancellationToken, Task<IdempotencyRecord?>> Find =
        EF.CompileAsyncQuery((FrontOfficeDb db, string scope, string key, CancellationToken ct) =>
            db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.Scope == scope && r.Key == key));

    /// <summary>
    /// The operation with a fingerprint of what the request asks (at most 40 characters, as stored):
    /// <c>issue-ticket:3f1c…</c>. The parts are what makes the request this request, its body and route values.
    /// </summary>
    public static string For(string operation, params object?[] request)
    {
        var text = string.Join('\u001f', request.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture) ?? "\u0000"));
        return operation + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>The remembered outcome of <paramref name="key"/>, or null when it is new.</summary>
    public static async Task<IdempotencyRecord?> FindAsync(FrontOfficeDb db, Actor actor, string key, string operation, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            throw ProblemException.Invalid(ProblemTypes.IdempotencyKeyMissing,
                $"Send an {FrontOfficeRoutes.IdempotencyKeyHeader} of 1 to {MaxKeyLength} characters.");
        }

        var record = await Find(db, actor.Scope, key, ct);
        var name = operation.Split(':')[0];
        // A record written before keys carried their request (its operation is the bare name) still answers a retry.
        if (record is not null && record.Operation != operation && record.Operation != name)
        {
            throw new ProblemException(ProblemTypes.IdempotencyKeyReused, 422, record.Operation.Split(':')[0] == name
                ? $"This key was already used for {name} with other values; send a new key for a new request."
                : $"This key was already used for {record.Operation.Split(':')[0]}.");
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
