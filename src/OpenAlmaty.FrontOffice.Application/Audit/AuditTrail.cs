using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Audit;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Audit;

/// <summary>Who is acting in this scope (an HTTP request, a staff page's action), for the audit trail.</summary>
public sealed class CurrentActor
{
    public Actor? Value { get; set; }
}

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

    /// <summary>Saves the changes made so far together with their audit entry, in one transaction.</summary>
    public Task CommitAsync(string action, string subject, string? detail, CancellationToken ct, Actor? actor = null) =>
        Transactions.RunAsync(db, async ct =>
        {
            await RecordAsync(action, subject, detail, ct, actor);
            return true;
        }, ct);

    private static string? Clip(string? detail) => detail is { Length: > 1000 } ? detail[..1000] : detail;
}

/// <summary>The newest entry's number and hash, kept in a file beside the database.</summary>
public sealed class AuditHead(IOptions<FrontOfficeOptions> options)
{
    private readonly Lock _writing = new();

    private string FilePath => Path.Combine(options.Value.DataDirectory, "audit-head");

    public void Advance(long id, string hash)
    {
        lock (_writing)
        {
            if (Read() is { } known && known.Id >= id)
            {
                return;
            }

            var temporary = FilePath + ".new";
            File.WriteAllText(temporary, $"{id} {hash}");
            File.Move(temporary, FilePath, overwrite: true);
        }
    }

    public (long Id, string Hash)? Read()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        var parts = File.ReadAllText(FilePath).Split(' ', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && long.TryParse(parts[0], out var id) ? (id, parts[1]) : null;
    }
}

/// <summary>The audit log for administrators, newest first, with the staff names instead of ids.</summary>
public sealed class ListAudit(FrontOfficeDb db)
{
    public async Task<IReadOnlyList<AuditEntryDto>> HandleAsync(int take, string? action, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action.StartsWith(action));
        }

        var entries = await query.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => "user:" + u.Id, u => u.UserName ?? u.Id, ct);
        var devices = await db.Devices.AsNoTracking().ToDictionaryAsync(d => $"device:{d.Id:N}", d => d.Name, ct);
        return entries.Select(e => new AuditEntryDto(e.Id, Tickets.TicketView.Utc(e.At),
            users.GetValueOrDefault(e.Actor) ?? devices.GetValueOrDefault(e.Actor) ?? e.Actor, e.Action, e.Subject, e.Detail, e.Hash)).ToList();
    }
}

/// <summary>Recomputes the whole chain and compares its head with the one kept outside the database.</summary>
public sealed class VerifyAudit(FrontOfficeDb db, AuditHead head)
{
    public async Task<AuditVerificationDto> HandleAsync(CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var broken = AuditChain.Verify(entries);
        if (broken is null && head.Read() is { } known)
        {
            var at = entries.FirstOrDefault(e => e.Id == known.Id);
            if (at is null)
            {
                broken = new AuditBreak(known.Id, $"entries after {entries.LastOrDefault()?.Id ?? 0} up to {known.Id} were deleted");
            }
            else if (at.Hash != known.Hash)
            {
                broken = new AuditBreak(known.Id, $"entry {known.Id} differs from the one written");
            }
        }

        return new AuditVerificationDto(broken is null, entries.Count, broken?.AtEntry, broken?.Reason);
    }
}
