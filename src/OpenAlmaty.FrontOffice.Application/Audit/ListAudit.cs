using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Audit;

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
