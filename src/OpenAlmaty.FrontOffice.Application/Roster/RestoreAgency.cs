using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>
/// Brings a retired agency back with the services that were retired with it (a service retired
/// on its own before stays retired: that was a separate decision). Desks were taken off its
/// services at retirement and are not put back: who sits where may have changed since.
/// </summary>
public sealed class RestoreAgency(RosterEdit edit)
{
    public Task<int> HandleAsync(int agencyId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var agency = await edit.Db.Agencies.Include(a => a.Services).SingleOrDefaultAsync(a => a.Id == agencyId && a.RetiredAt != null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownAgency, $"There is no retired agency {agencyId}.");
        // Retired with the agency: the same instant (older retirements took two readings of the clock, a moment apart).
        var with = agency.RetiredAt!.Value.AddSeconds(-1);
        var returning = agency.Services.Where(s => s.RetiredAt >= with).ToList();
        foreach (var service in returning)
        {
            await edit.UniquePrefixAsync(service.Prefix, service.Id, ct);
            service.RetiredAt = null;
        }

        agency.RetiredAt = null;
        await edit.AuditAsync("agency.restore", $"agency {agency.Id}",
            $"{agency.Code}: {agency.NameRu}; services {string.Join(",", returning.Select(s => s.Prefix))}", ct);
        return agency.Id;
    }, ct);
}
