using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Application.Roster;

public sealed class RetireDesk(RosterEdit edit)
{
    public Task<int> HandleAsync(int deskId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var desk = await edit.Db.Desks.SingleOrDefaultAsync(d => d.Id == deskId && d.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"There is no desk {deskId}.");
        if (await edit.Db.Tickets.AnyAsync(t => t.DeskId == deskId && (t.State == TicketState.Called || t.State == TicketState.Serving), ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DeskBusy, "The desk is serving a visitor.");
        }

        desk.RetiredAt = edit.Now;
        desk.IsOpen = false;
        await edit.AuditAsync("desk.retire", $"desk {desk.Id}", desk.Number, ct);
        return desk.Id;
    }, ct);
}
