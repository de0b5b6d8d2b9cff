using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Roster;

public sealed class UpdateService(RosterEdit edit)
{
    public Task<int> HandleAsync(int serviceId, UpdateServiceRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var service = await edit.Db.Services.SingleOrDefaultAsync(s => s.Id == serviceId && s.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownService, $"There is no service {serviceId}.");
        RosterEdit.Rules(request.Hours, request.PriorityRatio, request.RecallLimit, request.RejoinWindowMinutes, request.DefaultServiceMinutes,
            request.WalkInDailyCap, request.TargetWaitMinutes);
        service.Prefix = await edit.UniquePrefixAsync(request.TicketPrefix, serviceId, ct);
        service.NameKk = RosterEdit.Name(request.NameKk, "nameKk");
        service.NameRu = RosterEdit.Name(request.NameRu, "nameRu");
        service.NameEn = RosterEdit.Name(request.NameEn, "nameEn");
        service.Hours = request.Hours.Trim();
        service.PriorityRatio = request.PriorityRatio;
        service.RecallLimit = request.RecallLimit;
        service.RejoinWindowMinutes = request.RejoinWindowMinutes;
        service.DefaultServiceMinutes = request.DefaultServiceMinutes;
        service.WalkInDailyCap = request.WalkInDailyCap;
        service.TargetWaitMinutes = request.TargetWaitMinutes;
        await edit.AuditAsync("service.update", $"service {service.Id}", $"{service.Prefix} · {service.NameKk} / {service.NameRu} · {service.Hours}", ct);
        return service.Id;
    }, ct);
}
