using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Roster;

public sealed class UpdateAgency(RosterEdit edit)
{
    public Task<int> HandleAsync(int agencyId, UpdateAgencyRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var agency = await edit.Db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId && a.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownAgency, $"There is no agency {agencyId}.");
        agency.NameKk = RosterEdit.Name(request.NameKk, "nameKk");
        agency.NameRu = RosterEdit.Name(request.NameRu, "nameRu");
        agency.NameEn = RosterEdit.Name(request.NameEn, "nameEn");
        agency.Topics = string.Join(',', request.Topics ?? agency.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries));
        await edit.AuditAsync("agency.update", $"agency {agency.Id}", $"{agency.NameKk} / {agency.NameRu}", ct);
        return agency.Id;
    }, ct);
}
