using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Reports;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>
/// The officer's own day so far, at every desk of theirs: visits served, their average service time
/// and the longest wait they ended, measured by the service report's own rules
/// (<see cref="BuildServiceReport.ServiceMinutes"/>, <see cref="BuildServiceReport.WaitMinutes"/>), and the visitors' ratings.
/// </summary>
public sealed class GetMyDay(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<OfficerDayDto> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return new OfficerDayDto(0, null, null, 0, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = AlmatyClock.StartOfDayUtc(AlmatyClock.ServiceDay(now));
        var mine = await db.TicketCalls.AsNoTracking().Where(c => c.OfficerId == userId && c.CalledAt >= from)
            .Join(db.Tickets, c => c.TicketId, t => t.Id, (c, t) => new { Call = c, Ticket = t })
            .ToListAsync(ct);
        var served = mine.Where(x => x.Call.Outcome == CallOutcome.Completed && x.Call.EndedAt is not null).ToList();
        var rated = served.Where(x => x.Ticket.Rating is not null).Select(x => x.Ticket.Rating!.Value).ToList();
        return new OfficerDayDto(
            served.Count,
            served.Count == 0 ? null : Math.Round(served.Average(x => BuildServiceReport.ServiceMinutes(x.Call.CalledAt, x.Call.ServingStartedAt, x.Call.EndedAt!.Value)), 1),
            mine.Count == 0 ? null : mine.Max(x => BuildServiceReport.WaitMinutes(x.Ticket.IssuedAt, x.Call.CalledAt)),
            rated.Count,
            rated.Count == 0 ? null : Math.Round(rated.Average(), 2));
    }
}
