using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>A session's bookings for the staff who may see them (<see cref="ReceptionReaders"/>), slot order then the waiting list.</summary>
public sealed class ListSessionBookings(FrontOfficeDb db, PassOnLapsedOffers passOn, ReceptionReaders readers)
{
    public async Task<IReadOnlyList<StaffBookingDto>> HandleAsync(Guid sessionId, CancellationToken ct)
    {
        await readers.DemandAsync(sessionId, ct);
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
