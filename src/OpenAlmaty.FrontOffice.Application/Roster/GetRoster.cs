using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>The roster as kiosks, displays and staff read it, with "open now" for each service (agencies and services from <see cref="RosterCache"/>).</summary>
public sealed class GetRoster(FrontOfficeDb db, RosterCache cache, TimeProvider clock, IOptions<FrontOfficeOptions> options)
{
    public async Task<RosterDto> HandleAsync(bool includeRetired, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = (await cache.GetAsync(db, ct)).Agencies.Where(a => includeRetired || a.RetiredAt == null);
        var desks = await db.Desks.AsNoTracking().Include(d => d.Services)
            .Where(d => includeRetired || d.RetiredAt == null).OrderBy(d => d.Id).ToListAsync(ct);

        return new RosterDto(
            agencies.Select(a => new AgencyDto(a.Id, a.Code, Map(a.Kind), a.NameKk, a.NameRu, a.NameEn,
                a.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries), a.RetiredAt is not null,
                a.Services.Where(s => includeRetired || s.RetiredAt == null).OrderBy(s => s.Id)
                    .Select(s => ToDto(s, a, now, options.Value.TrainingMode)).ToList())).ToList(),
            desks.Select(d => new DeskDto(d.Id, d.Number, d.IsOpen, d.ClosedReason,
                d.Services.Select(s => s.ServiceId).Order().ToList(), d.RetiredAt is not null)).ToList());
    }

    public static ServiceDto ToDto(Service s, Agency a, DateTime now, bool training) =>
        new(s.Id, s.Code, s.Prefix, s.NameKk, s.NameRu, s.NameEn, Map(a.Kind), s.Hours,
            a.RetiredAt is null && s.IsOpenAt(now, training), s.PriorityRatio, s.RecallLimit, s.RejoinWindowMinutes,
            s.RetiredAt is not null, s.WalkInDailyCap, s.TargetWaitMinutes, s.DefaultServiceMinutes);

    public static AgencyKindDto Map(AgencyKind kind) => kind switch
    {
        AgencyKind.District => AgencyKindDto.District,
        AgencyKind.Mediator => AgencyKindDto.Mediator,
        AgencyKind.Reception => AgencyKindDto.Reception,
        _ => AgencyKindDto.Agency,
    };

    public static AgencyKind Map(AgencyKindDto kind) => kind switch
    {
        AgencyKindDto.District => AgencyKind.District,
        AgencyKindDto.Mediator => AgencyKind.Mediator,
        AgencyKindDto.Reception => AgencyKind.Reception,
        _ => AgencyKind.Agency,
    };
}
