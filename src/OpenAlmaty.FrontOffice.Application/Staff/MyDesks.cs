using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Staff;

/// <summary>The desks an officer may work at, by number; the console opens the first.</summary>
public sealed class MyDesks(FrontOfficeDb db)
{
    public async Task<IReadOnlyList<int>> HandleAsync(Actor actor, CancellationToken ct) =>
        await db.OfficerDesks.Where(o => o.UserId == actor.UserId)
            .Join(db.Desks.Where(d => d.RetiredAt == null), o => o.DeskId, d => d.Id, (o, d) => d)
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
}
