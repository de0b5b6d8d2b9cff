using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>An admin sets up a deputy akim's weekly reception; its first weeks of sessions appear at once.</summary>
public sealed class CreateSchedule(FrontOfficeDb db, GenerateSessions generate, Audit.AuditTrail audit)
{
    public async Task<ScheduleCreatedDto> HandleAsync(CreateScheduleRequest r, CancellationToken ct)
    {
        var schedule = ReceptionSchedule.Create(Guid.CreateVersion7(), r.DeputyName ?? "", r.DistrictAgencyId, r.Weekday,
            ReceptionView.ParseTime(r.Start, "start"), ReceptionView.ParseTime(r.End, "end"), r.SlotMinutes, r.PlacesPerSlot, r.DeskId, r.ActiveFrom);
        db.ReceptionSchedules.Add(schedule);
        await audit.CommitAsync("reception.schedule.create", $"schedule {schedule.Id:N}", $"{schedule.DeputyName}: {r.Weekday} {r.Start}–{r.End}", ct);
        return new ScheduleCreatedDto(schedule.Id, await generate.HandleAsync(schedule.Id, ct));
    }
}
