using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>
/// Brings a retired service back under its active agency. Its prefix must still be free (another
/// service may have taken it meanwhile); no desk calls it until one is given it again.
/// </summary>
public sealed class RestoreService(RosterEdit edit)
{
    public Task<int> HandleAsync(int serviceId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var service = await edit.Db.Services.Include(s => s.Agency).SingleOrDefaultAsync(s => s.Id == serviceId && s.RetiredAt != null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownService, $"There is no retired service {serviceId}.");
        if (service.Agency!.RetiredAt is not null)
        {
            throw ProblemException.Conflict(ProblemTypes.AgencyRetired, $"Restore agency {service.Agency.Code} first.");
        }

        await edit.UniquePrefixAsync(service.Prefix, service.Id, ct);
        service.RetiredAt = null;
        await edit.AuditAsync("service.restore", $"service {service.Id}", $"{service.Prefix} · {service.NameRu}", ct);
        return service.Id;
    }, ct);
}
