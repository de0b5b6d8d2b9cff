using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;
using Microsoft.EntityFrameworkCore;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>Opens a desk, or closes it for a break with a reason; wait estimates follow at once.</summary>
public sealed class SetDeskOpen(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<DeskDto> HandleAsync(Actor actor, int deskId, bool open, string? reason, CancellationToken ct)
    {
        var dto = await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var desk = await DeskAccess.RequireAsync(db, actor, deskId, ct);
            desk.IsOpen = open;
            desk.OfficerId = open ? actor.UserId : null;
            desk.ClosedReason = open ? null : reason?.Trim() is { Length: > 0 } r ? r[..Math.Min(r.Length, 200)] : null;
            await db.SaveChangesAsync(ct);
            var serviceIds = desk.Services.Select(s => s.ServiceId).ToList();
            foreach (var service in await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToListAsync(ct))
            {
                Outbox.Add(db, await ServiceQueue.ChangedAsync(db, service, now, ct), now);
            }

            return new DeskDto(desk.Id, desk.Number, desk.IsOpen, desk.ClosedReason, serviceIds, false);
        }, ct);
        return dto;
    }
}
