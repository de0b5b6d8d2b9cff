using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Audit;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Audit;

/// <summary>
/// Appends to the audit chain inside the caller's transaction: the entry commits with the change
/// it describes or not at all. After the commit the chain's head is also written to
/// <c>&lt;data&gt;/audit-head</c>, outside the database, so that deleting the newest entries is
/// detected too.
/// </summary>
public sealed class AuditTrail(FrontOfficeDb db, TimeProvider clock, CurrentActor current, AuditHead head)
{
    public async Task RecordAsync(string action, string subject, string? detail, CancellationToken ct, Actor? actor = null)
    {
        // Entries added earlier in this transaction come first: the chain follows the order of writing.
        var last = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .OrderByDescending(e => e.Id).FirstOrDefault()
            ?? await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        var who = (actor ?? current.Value)?.Scope ?? "system";
        var entry = AuditChain.Next(last, clock.GetUtcNow().UtcDateTime, who, action, subject, Clip(detail));
        db.AuditEntries.Add(entry);
        db.AfterCommit(() => head.Advance(entry.Id, entry.Hash));
    }

    private static string? Clip(string? detail) => detail is { Length: > 1000 } ? detail[..1000] : detail;
}
