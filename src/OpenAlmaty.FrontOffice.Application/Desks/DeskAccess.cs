using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>An officer acts only for the desks assigned to them.</summary>
public static class DeskAccess
{
    public static async Task<Desk> RequireAsync(FrontOfficeDb db, Actor actor, int deskId, CancellationToken ct)
    {
        var desk = await db.Desks.Include(d => d.Services).SingleOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null || desk.RetiredAt is not null)
        {
            throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"There is no desk {deskId}.");
        }

        if (!await IsAssignedAsync(db, actor, deskId, ct))
        {
            throw ProblemException.Forbidden(ProblemTypes.NotYourDesk, $"Desk {desk.Number} is not assigned to you.");
        }

        return desk;
    }

    public static Task<bool> IsAssignedAsync(FrontOfficeDb db, Actor actor, int deskId, CancellationToken ct) =>
        actor.UserId is { } userId
            ? db.OfficerDesks.AnyAsync(l => l.UserId == userId && l.DeskId == deskId, ct)
            : Task.FromResult(false);

    /// <summary>The desks the officer may act for that serve the service.</summary>
    public static Task<bool> ServesAsync(FrontOfficeDb db, Actor actor, int serviceId, CancellationToken ct) =>
        actor.UserId is { } userId
            ? db.OfficerDesks.Where(l => l.UserId == userId)
                .Join(db.DeskServices, o => o.DeskId, s => s.DeskId, (o, s) => s)
                .AnyAsync(s => s.ServiceId == serviceId, ct)
            : Task.FromResult(false);
}
