using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>A session's bookings for staff, slot order then the waiting list.</summary>
public sealed class ListSessionBookings(FrontOfficeDb db, PassOnLapsedOffers passOn)
{
    public async Task<IReadOnlyList<StaffBookingDto>> HandleAsync(Guid sessionId, CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId).ToListAsync(ct);
        if (await passOn.IfAnyRanOutAsync(bookings, ct))
        {
            bookings = await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId).ToListAsync(ct);
        }

        var waiting = ReceptionBook.WaitingList(sessionId, bookings).Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i + 1);
        var ticketIds = bookings.Where(b => b.TicketId != null).Select(b => b.TicketId!.Value).ToList();
        var tickets = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => (t.DisplayNumber, t.Outcome), ct);
        return bookings.OrderBy(b => b.State == BookingState.Waiting ? 1 : b.State == BookingState.Cancelled ? 2 : 0)
            .ThenBy(b => b.SlotStart).ThenBy(b => b.Sequence)
            .Select(b => new StaffBookingDto(b.Id, b.Code, b.State.ToString(), b.SlotStart is { } s ? ReceptionView.Time(s) : null,
                b.FullName, b.Phone, b.IinLastFour, b.Topic, b.Text, waiting.TryGetValue(b.Id, out var p) ? p : null,
                b.TicketId is { } t ? tickets[t].DisplayNumber : null,
                b.TicketId is { } u && tickets[u].Outcome is { } outcome ? Complete.Outcomes.Single(o => o.Value == outcome).Key : null))
            .ToList();
    }
}

/// <summary>The staff "to call" list: notices still owed, newest change per booking only.</summary>
public sealed class ListResidentNotices(FrontOfficeDb db, PassOnLapsedOffers passOn)
{
    public async Task<IReadOnlyList<ResidentNoticeDto>> HandleAsync(CancellationToken ct)
    {
        // Whom to call depends on which offers still stand: the next in line, not the one whose window closed.
        await passOn.HandleAsync(ct);
        var rows = await (
            from n in db.ResidentNotices.AsNoTracking()
            where n.DoneAt == null && !n.Stale
            join b in db.Bookings.AsNoTracking() on n.BookingId equals b.Id
            join s in db.ReceptionSessions.AsNoTracking() on b.SessionId equals s.Id
            orderby n.Id
            select new { n.Id, n.Kind, n.CreatedAt, n.BookingVersion, b.Version, b.Code, b.FullName, b.Phone, s.DeputyName, s.Date, b.SlotStart, b.State })
            .Take(500).ToListAsync(ct);
        return rows.Where(r => r.BookingVersion == r.Version)
            .Select(r => new ResidentNoticeDto(r.Id, r.Kind, TicketView.Utc(r.CreatedAt), r.Code, r.FullName, r.Phone, r.DeputyName, r.Date,
                r.SlotStart is { } t ? ReceptionView.Time(t) : null, r.State.ToString())).ToList();
    }
}

/// <summary>Staff have called the resident (or the gateway delivered): the notice leaves the list.</summary>
public sealed class MarkNoticeDone(FrontOfficeDb db, TimeProvider clock)
{
    public async Task HandleAsync(long noticeId, string doneBy, CancellationToken ct)
    {
        var notice = await db.ResidentNotices.SingleOrDefaultAsync(n => n.Id == noticeId, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.NotFound, "There is no such notice.");
        notice.DoneAt ??= clock.GetUtcNow().UtcDateTime;
        notice.DoneBy ??= doneBy;
        await db.SaveChangesAsync(ct);
    }
}
