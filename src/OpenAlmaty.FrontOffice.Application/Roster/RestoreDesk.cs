using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>
/// Brings a retired desk back, closed, with the services it still had: its number must not be
/// taken by an active desk, and it needs at least one active service to call.
/// </summary>
public sealed class RestoreDesk(RosterEdit edit)
{
    public Task<int> HandleAsync(int deskId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var desk = await edit.Db.Desks.SingleOrDefaultAsync(d => d.Id == deskId && d.RetiredAt != null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"There is no retired desk {deskId}.");
        if (await edit.Db.Desks.AnyAsync(d => d.Number == desk.Number && d.RetiredAt == null, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Desk {desk.Number} exists already.");
        }

        if (!await edit.Db.DeskServices.AnyAsync(l => l.DeskId == deskId && edit.Db.Services.Any(s => s.Id == l.ServiceId && s.RetiredAt == null), ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DeskWithoutService, $"Desk {desk.Number} has no active service; give it one after restoring another.");
        }

        desk.RetiredAt = null;
        desk.IsOpen = false;
        await edit.AuditAsync("desk.restore", $"desk {desk.Id}", desk.Number, ct);
        return desk.Id;
    }, ct);
}
