using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>Retires an agency and its services: no new tickets, history kept.</summary>
public sealed class RetireAgency(RosterEdit edit)
{
    public Task<int> HandleAsync(int agencyId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var agency = await edit.Db.Agencies.Include(a => a.Services).SingleOrDefaultAsync(a => a.Id == agencyId && a.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownAgency, $"There is no agency {agencyId}.");
        var serviceIds = agency.Services.Select(s => s.Id).ToList();
        var open = await edit.OpenTicketsAsync(serviceIds, ct);
        if (open > 0)
        {
            throw ProblemException.Conflict(ProblemTypes.AgencyHasWaitingTickets,
                $"{open} visitors still wait for this agency; serve or transfer them first.");
        }

        // One instant for the agency and the services it takes along: a restore knows them by it.
        var now = edit.Now;
        agency.RetiredAt = now;
        foreach (var service in agency.Services)
        {
            service.RetiredAt ??= now;
        }

        // A desk left with no active service would call nobody: take those services off it.
        var links = await edit.Db.DeskServices.Where(l => serviceIds.Contains(l.ServiceId)).ToListAsync(ct);
        edit.Db.DeskServices.RemoveRange(links);
        await edit.AuditAsync("agency.retire", $"agency {agency.Id}", $"{agency.Code}: {agency.NameRu}", ct);
        return agency.Id;
    }, ct);
}
