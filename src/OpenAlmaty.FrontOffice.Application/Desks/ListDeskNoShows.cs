using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>
/// Today's no-shows of a desk's services that may still rejoin: those whose service's rejoin window
/// has not passed (the rule <c>Ticket.Rejoin</c> enforces), soonest to lapse first.
/// </summary>
public sealed class ListDeskNoShows(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<RejoinableTicketDto>> HandleAsync(Actor actor, int deskId, CancellationToken ct)
    {
        var desk = await DeskAccess.RequireAsync(db, actor, deskId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var serviceIds = desk.Services.Select(s => s.ServiceId).ToList();
        var windows = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => TimeSpan.FromMinutes(s.RejoinWindowMinutes), ct);
        // No window is longer than the longest of these services': that bounds the read.
        var since = now - (windows.Count == 0 ? TimeSpan.Zero : windows.Values.Max());
        var today = AlmatyClock.ServiceDay(now);
        var noShows = await db.Tickets.AsNoTracking()
            .Where(t => serviceIds.Contains(t.ServiceId) && t.State == TicketState.NoShow && t.ServiceDay == today && t.ClosedAt >= since)
            .ToListAsync(ct);
        return noShows
            .Select(t => (Ticket: t, Until: t.ClosedAt!.Value + windows[t.ServiceId]))
            .Where(x => x.Until >= now)
            .OrderBy(x => x.Until)
            .Select(x => new RejoinableTicketDto(x.Ticket.Id, x.Ticket.DisplayNumber, x.Ticket.ServiceId,
                TicketView.Utc(x.Ticket.ClosedAt!.Value), TicketView.Utc(x.Until), x.Ticket.Version))
            .ToList();
    }
}
