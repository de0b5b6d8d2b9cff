using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;

namespace OpenAlmaty.FrontOffice.Application.Roster;

public sealed class CreateDesk(RosterEdit edit)
{
    public Task<int> HandleAsync(CreateDeskRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var number = RosterEdit.DeskNumber(request.Number);
        if (await edit.Db.Desks.AnyAsync(d => d.Number == number && d.RetiredAt == null, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Desk {number} exists already.");
        }

        var desk = new Desk { Number = number, IsOpen = false };
        desk.Services.AddRange(await edit.DeskServicesAsync(request.ServiceIds, ct));
        edit.Db.Desks.Add(desk);
        await edit.Db.SaveChangesAsync(ct);
        await edit.AuditAsync("desk.create", $"desk {desk.Id}", $"{number}: services {string.Join(",", request.ServiceIds)}", ct);
        return desk.Id;
    }, ct);
}
