using OpenAlmaty.FrontOffice.Application.Common;
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
        await Transactions.RunAsync(db, async ct =>
        {
            db.ReceptionSchedules.Add(schedule);
            await audit.RecordAsync("reception.schedule.create", $"schedule {schedule.Id:N}", $"{schedule.DeputyName}: {r.Weekday} {r.Start}–{r.End}", ct);
            return true;
        }, ct);
        return new ScheduleCreatedDto(schedule.Id, await generate.HandleAsync(schedule.Id, ct));
    }
}
