using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;

namespace OpenAlmaty.FrontOffice.Application.Roster;

public sealed class CreateAgency(RosterEdit edit)
{
    public Task<int> HandleAsync(CreateAgencyRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var code = RosterEdit.Code(request.Code);
        if (await edit.Db.Agencies.AnyAsync(a => a.Code == code, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Agency {code} exists already.");
        }

        var agency = new Agency
        {
            Code = code,
            Kind = GetRoster.Map(request.Kind),
            NameKk = RosterEdit.Name(request.NameKk, "nameKk"),
            NameRu = RosterEdit.Name(request.NameRu, "nameRu"),
            NameEn = RosterEdit.Name(request.NameEn, "nameEn"),
            Topics = string.Join(',', request.Topics ?? []),
            SortOrder = await edit.Db.Agencies.MaxAsync(a => (int?)a.SortOrder, ct) + 1 ?? 0,
        };
        agency.Services.Add(await CreateService.BuildAsync(edit, request.Service, ct));
        edit.Db.Agencies.Add(agency);
        await edit.Db.SaveChangesAsync(ct);
        await edit.AuditAsync("agency.create", $"agency {agency.Id}", $"{agency.Code}: {agency.NameKk} / {agency.NameRu}", ct);
        return agency.Id;
    }, ct);
}
