using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>Keeps every weekly schedule's sessions planned <see cref="WeeksAhead"/> weeks ahead (run on creation and hourly).</summary>
public sealed class GenerateSessions(FrontOfficeDb db, HallCalendar calendar, TimeProvider clock)
{
    public const int WeeksAhead = 6;

    public async Task<IReadOnlyList<DateOnly>> HandleAsync(Guid? onlySchedule, CancellationToken ct)
    {
        var today = AlmatyClock.ServiceDay(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(7 * WeeksAhead);
        var schedules = await db.ReceptionSchedules.Where(s => onlySchedule == null || s.Id == onlySchedule).ToListAsync(ct);
        var made = new List<DateOnly>();
        await Transactions.RunAsync(db, async ct =>
        {
            foreach (var schedule in schedules)
            {
                var taken = (await db.ReceptionSessions.Where(s => s.DeputyName == schedule.DeputyName && s.Date > today && s.Date <= until)
                    .Select(s => s.Date).ToListAsync(ct)).ToHashSet();
                foreach (var date in schedule.DatesToGenerate(today.AddDays(1), until, calendar.Current, taken))
                {
                    db.ReceptionSessions.Add(schedule.SessionOn(date, Guid.CreateVersion7()));
                    made.Add(date);
                }
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        return made;
    }
}

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

/// <summary>
/// Cancels a date (a holiday the calendar does not know, the deputy's leave). A session with
/// residents booked is moved first, never cancelled under them; a cancelled date is not generated again.
/// </summary>
public sealed class CancelSession(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task HandleAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await db.ReceptionSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownSession);
        if (await db.Bookings.AnyAsync(b => b.SessionId == sessionId
                && (b.State == BookingState.Active || b.State == BookingState.Waiting || b.State == BookingState.Offered), ct))
        {
            throw ProblemException.Conflict(ProblemTypes.BookingWrongState, "Residents are booked: move the session to another date instead.");
        }

        session.Cancel(clock.GetUtcNow().UtcDateTime);
        await audit.CommitAsync("reception.session.cancel", $"session {session.Id:N}", $"{session.DeputyName} {session.Date:yyyy-MM-dd}", ct);
    }
}
