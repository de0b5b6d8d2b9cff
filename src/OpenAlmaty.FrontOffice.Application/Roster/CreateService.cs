using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;

namespace OpenAlmaty.FrontOffice.Application.Roster;

public sealed class CreateService(RosterEdit edit)
{
    public Task<int> HandleAsync(int agencyId, CreateServiceRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var agency = await edit.Db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId && a.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownAgency, $"There is no agency {agencyId}.");
        var service = await BuildAsync(edit, request, ct);
        service.AgencyId = agency.Id;
        edit.Db.Services.Add(service);
        await edit.Db.SaveChangesAsync(ct);
        await edit.AuditAsync("service.create", $"service {service.Id}", $"{service.Prefix} · {service.NameKk} / {service.NameRu}", ct);
        return service.Id;
    }, ct);

    internal static async Task<Service> BuildAsync(RosterEdit edit, CreateServiceRequest request, CancellationToken ct)
    {
        var code = RosterEdit.Code(request.Code);
        if (await edit.Db.Services.AnyAsync(s => s.Code == code, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Service {code} exists already.");
        }

        RosterEdit.Rules(request.Hours, request.PriorityRatio, request.RecallLimit, request.RejoinWindowMinutes, request.DefaultServiceMinutes,
            request.WalkInDailyCap, request.TargetWaitMinutes);
        return new Service
        {
            Code = code,
            Prefix = await edit.UniquePrefixAsync(request.TicketPrefix, null, ct),
            NameKk = RosterEdit.Name(request.NameKk, "nameKk"),
            NameRu = RosterEdit.Name(request.NameRu, "nameRu"),
            NameEn = RosterEdit.Name(request.NameEn, "nameEn"),
            Hours = request.Hours.Trim(),
            PriorityRatio = request.PriorityRatio,
            RecallLimit = request.RecallLimit,
            RejoinWindowMinutes = request.RejoinWindowMinutes,
            DefaultServiceMinutes = request.DefaultServiceMinutes,
            WalkInDailyCap = request.WalkInDailyCap,
            TargetWaitMinutes = request.TargetWaitMinutes,
        };
    }
}
