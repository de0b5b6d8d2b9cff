using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>The staff "to call" list: notices still owed, newest change per booking only, of the sessions the caller may see.</summary>
public sealed class ListResidentNotices(FrontOfficeDb db, PassOnLapsedOffers passOn, ReceptionReaders readers)
{
    public async Task<IReadOnlyList<ResidentNoticeDto>> HandleAsync(CancellationToken ct)
    {
        // Whom to call depends on which offers still stand: the next in line, not the one whose window closed.
        await passOn.HandleAsync(ct);
        var reach = await readers.ReachAsync(ct);
        var rows = await (
            from n in db.ResidentNotices.AsNoTracking()
            where n.DoneAt == null && !n.Stale
            join b in db.Bookings.AsNoTracking() on n.BookingId equals b.Id
            join s in db.ReceptionSessions.AsNoTracking() on b.SessionId equals s.Id
            orderby n.Id
            select new { n.Id, n.Kind, n.CreatedAt, n.BookingVersion, b.Version, b.Code, b.FullName, b.Phone, s.DeputyName, s.Date, b.SlotStart, b.State, s.DeskId })
            .Take(500).ToListAsync(ct);
        return rows.Where(r => r.BookingVersion == r.Version && reach.Covers(r.DeskId))
            .Select(r => new ResidentNoticeDto(r.Id, r.Kind, TicketView.Utc(r.CreatedAt), r.Code, r.FullName, r.Phone, r.DeputyName, r.Date,
                r.SlotStart is { } t ? ReceptionView.Time(t) : null, r.State.ToString())).ToList();
    }
}
