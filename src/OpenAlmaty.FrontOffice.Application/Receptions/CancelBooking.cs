using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>Cancels a booking (the resident with the code, or staff with a reason); a freed place goes to the first waiting.</summary>
public sealed class CancelBooking(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task HandleAsync(string code, string reason, CancellationToken ct)
    {
        await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var booking = await ReceptionView.BookingAsync(db, code, tracked: true, ct);
            var session = await db.ReceptionSessions.SingleAsync(s => s.Id == booking.SessionId, ct);
            var bookings = await db.Bookings.Where(b => b.SessionId == session.Id).ToListAsync(ct);
            var offered = ReceptionBook.Cancel(session, bookings, bookings.Single(b => b.Id == booking.Id), reason, now);
            await Notices.AddAsync(db, booking, "cancelled", now, ct);
            await audit.RecordAsync("reception.booking.cancel", booking.Code, reason, ct);
            if (offered is not null)
            {
                await Notices.AddAsync(db, offered, "place-offered", now, ct);
            }

            Notices.Changed(db, session.Id, now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }
}
