using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>
/// An officer is no longer at their desks (signed out, locked, account gone): the desks stop
/// counting as serving, so waits and named transfers stop relying on them at once. Part of every
/// change that ends an account's sessions (sign-out, lock, new password).
/// </summary>
public static class LeaveDesks
{
    /// <summary>Runs inside the caller's transaction; adds a <c>QueueChanged</c> for every service that lost a desk.</summary>
    public static async Task InTransactionAsync(FrontOfficeDb db, string userId, DateTime now, CancellationToken ct)
    {
        var desks = await db.Desks.Include(d => d.Services).Where(d => d.OfficerId == userId).ToListAsync(ct);
        if (desks.Count == 0)
        {
            return;
        }

        desks.ForEach(d => d.OfficerId = null);
        await db.SaveChangesAsync(ct);
        var serviceIds = desks.SelectMany(d => d.Services).Select(s => s.ServiceId).Distinct().ToList();
        foreach (var service in await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToListAsync(ct))
        {
            Outbox.Add(db, await ServiceQueue.ChangedAsync(db, service, now, ct), now);
        }
    }
}
