using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Roster;

public sealed class UpdateDesk(RosterEdit edit)
{
    public Task<int> HandleAsync(int deskId, UpdateDeskRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var desk = await edit.Db.Desks.Include(d => d.Services).SingleOrDefaultAsync(d => d.Id == deskId && d.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"There is no desk {deskId}.");
        var number = RosterEdit.DeskNumber(request.Number);
        if (await edit.Db.Desks.AnyAsync(d => d.Number == number && d.RetiredAt == null && d.Id != deskId, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Desk {number} exists already.");
        }

        var services = await edit.DeskServicesAsync(request.ServiceIds, ct);
        desk.Number = number;
        desk.Services.Clear();
        desk.Services.AddRange(services);
        await edit.AuditAsync("desk.update", $"desk {desk.Id}", $"{number}: services {string.Join(",", request.ServiceIds)}", ct);
        return desk.Id;
    }, ct);
}
