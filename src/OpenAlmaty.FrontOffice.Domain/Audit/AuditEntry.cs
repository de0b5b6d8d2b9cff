using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenAlmaty.FrontOffice.Domain.Audit;

/// <summary>
/// One thing someone did that the office must be able to account for (a roster change, a call
/// out of order, a transfer, a reschedule). Append-only; each entry carries the hash of the one
/// before, so a row edited or deleted in the database breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The position in the chain: 1, 2, 3 … with no gaps.</summary>
    public long Id { get; init; }

    public DateTime At { get; init; }

    /// <summary>Who: <c>user:…</c>, <c>device:…</c> or <c>system</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>What, as a stable code such as <c>roster.service.update</c> or <c>ticket.call-out-of-order</c>.</summary>
    public required string Action { get; init; }

    /// <summary>On what: a service id, a ticket number, a booking code. Never an IIN, a name or a phone.</summary>
    public required string Subject { get; init; }

    public string? Detail { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}

public static class AuditChain
{
    /// <summary>The hash before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static AuditEntry Next(AuditEntry? last, DateTime at, string actor, string action, string subject, string? detail)
    {
        var id = (last?.Id ?? 0) + 1;
        var previous = last?.Hash ?? Genesis;
        return new AuditEntry
        {
            Id = id, At = at, Actor = actor, Action = action, Subject = subject, Detail = detail, PreviousHash = previous,
            Hash = HashOf(previous, id, at, actor, action, subject, detail),
        };
    }

    public static string HashOf(string previous, long id, DateTime at, string actor, string action, string subject, string? detail)
    {
        // Fields are length-prefixed so that no two different entries read as the same text.
        var text = new StringBuilder();
        foreach (var field in new[] { previous, id.ToString(CultureInfo.InvariantCulture), at.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture), actor, action, subject, detail ?? "" })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Walks the chain in order. The first entry whose hash does not match its content, whose
    /// previous hash is not its predecessor's, or whose number skips one, is where it broke.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entries)
    {
        var (expectedId, previous) = (1L, Genesis);
        foreach (var e in entries)
        {
            if (e.Id != expectedId)
            {
                return new AuditBreak(expectedId, $"entry {expectedId} is missing");
            }

            if (e.PreviousHash != previous)
            {
                return new AuditBreak(e.Id, $"entry {e.Id} does not follow entry {e.Id - 1}");
            }

            if (HashOf(e.PreviousHash, e.Id, e.At, e.Actor, e.Action, e.Subject, e.Detail) != e.Hash)
            {
                return new AuditBreak(e.Id, $"entry {e.Id} was changed after it was written");
            }

            (expectedId, previous) = (e.Id + 1, e.Hash);
        }

        return null;
    }
}

/// <summary>Where the chain is broken and how.</summary>
public sealed record AuditBreak(long AtEntry, string Reason);
