using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Calendar;
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
