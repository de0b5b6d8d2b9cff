using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>A resident offered a freed place takes it.</summary>
public sealed class ConfirmBooking(FrontOfficeDb db, TimeProvider clock)
{
    public async Task HandleAsync(string code, CancellationToken ct)
    {
        await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var booking = await ReceptionView.BookingAsync(db, code, tracked: true, ct);
            booking.Confirm(now);
            await Notices.AddAsync(db, booking, "booked", now, ct);
            Notices.Changed(db, booking.SessionId, now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }
}
