using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>
/// An officer is no longer at their desks (signed out, locked, account gone): the desks stop
/// counting as serving, so waits and named transfers stop relying on them at once.
/// </summary>
public sealed class LeaveDesks(FrontOfficeDb db, TimeProvider clock)
{
    /// <summary>The officer signs out: their desks stop serving before the cookie goes.</summary>
    public async Task HandleAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId || !await db.Desks.AnyAsync(d => d.OfficerId == userId, ct))
        {
            return;
        }

        await Transactions.RunAsync(db, async ct =>
        {
            await InTransactionAsync(db, userId, clock.GetUtcNow().UtcDateTime, ct);
            return true;
        }, ct);
    }

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
