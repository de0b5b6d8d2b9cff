using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>
/// Retires one service: no new tickets, history kept. Refused while visitors wait for it, and
/// when a desk would be left with nothing to call.
/// </summary>
public sealed class RetireService(RosterEdit edit)
{
    public Task<int> HandleAsync(int serviceId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var service = await edit.Db.Services.SingleOrDefaultAsync(s => s.Id == serviceId && s.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownService, $"There is no service {serviceId}.");
        var open = await edit.OpenTicketsAsync([serviceId], ct);
        if (open > 0)
        {
            throw ProblemException.Conflict(ProblemTypes.AgencyHasWaitingTickets, $"{open} visitors still wait for this service; serve or transfer them first.");
        }

        var links = await edit.Db.DeskServices.Where(l => l.ServiceId == serviceId).ToListAsync(ct);
        var deskIds = links.Select(l => l.DeskId).ToList();
        var stranded = await edit.Db.Desks.Where(d => deskIds.Contains(d.Id) && d.RetiredAt == null
                && !edit.Db.DeskServices.Any(l => l.DeskId == d.Id && l.ServiceId != serviceId))
            .Select(d => d.Number).ToListAsync(ct);
        if (stranded.Count > 0)
        {
            throw ProblemException.Conflict(ProblemTypes.DeskWithoutService,
                $"Desk {string.Join(", ", stranded)} would have no service left; give it another service or retire it first.");
        }

        service.RetiredAt = edit.Now;
        edit.Db.DeskServices.RemoveRange(links);
        await edit.AuditAsync("service.retire", $"service {service.Id}", $"{service.Prefix} · {service.NameRu}", ct);
        return service.Id;
    }, ct);
}
