using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>The booking by its code, as the resident may see it (status page, kiosk).</summary>
public sealed class GetBooking(FrontOfficeDb db, PassOnLapsedOffers passOn)
{
    public async Task<PublicBookingDto> HandleAsync(string code, CancellationToken ct)
    {
        var booking = await ReceptionView.BookingAsync(db, code, tracked: false, ct);
        if (await passOn.IfAnyRanOutAsync(booking.SessionId, ct))
        {
            // Their own offer may have lapsed, or one ahead of them on the list passed to them.
            booking = await ReceptionView.BookingAsync(db, code, tracked: false, ct);
        }

        var session = await db.ReceptionSessions.AsNoTracking().SingleAsync(s => s.Id == booking.SessionId, ct);
        var desk = await ReceptionView.DeskNumberAsync(db, session.DeskId, ct);
        var position = booking.State == BookingState.Waiting
            ? ReceptionBook.PlaceOnWaitingList(session.Id, await db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id).ToListAsync(ct), booking)
            : null;

        return new PublicBookingDto(booking.Code, booking.State.ToString(), session.DeputyName, session.Date,
            booking.SlotStart is { } s ? ReceptionView.Time(s) : null, desk, position,
            booking.OfferExpiresAt is { } e ? TicketView.Utc(e) : null);
    }
}
