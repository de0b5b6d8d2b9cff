using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// Cancels a booking: the resident with the code and the last four digits of the phone given at
/// booking (a code alone is on a slip anyone may pick up), or staff who may see the session, with a
/// reason. A freed place goes to the first waiting.
/// </summary>
public sealed class CancelBooking(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit, Audit.CurrentActor current, ReceptionReaders readers)
{
    public const string ByResident = "cancelled-by-resident";
    public const string ByStaff = "cancelled-by-staff";

    /// <param name="phoneLastFour">The resident's proof; not asked of staff.</param>
    public async Task HandleAsync(string code, string reason, string? phoneLastFour, CancellationToken ct)
    {
        // Staff and devices act with an actor (the API after authentication, pages through CircuitActions); nobody else but the resident.
        var byResident = current.Value is null;
        var reach = byResident ? null : await readers.ReachAsync(ct);
        await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var booking = await ReceptionView.BookingAsync(db, code, tracked: true, ct);
            var session = await db.ReceptionSessions.SingleAsync(s => s.Id == booking.SessionId, ct);
            if (byResident && !PhoneEndsWith(booking.Phone, phoneLastFour))
            {
                throw ProblemException.Forbidden(ProblemTypes.BookingProofMismatch);
            }

            if (reach is not null && !reach.Covers(session))
            {
                throw ProblemException.Forbidden(ProblemTypes.NotYourReception);
            }

            var bookings = await db.Bookings.Where(b => b.SessionId == session.Id).ToListAsync(ct);
            var offered = ReceptionBook.Cancel(session, bookings, bookings.Single(b => b.Id == booking.Id), reason, now);
            await Notices.AddAsync(db, booking, "cancelled", now, ct);
            await audit.RecordAsync("reception.booking.cancel", booking.Code, byResident ? ByResident : reason, ct);
            if (offered is not null)
            {
                await Notices.AddAsync(db, offered, "place-offered", now, ct);
            }

            Notices.Changed(db, session.Id, now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    private static bool PhoneEndsWith(string phone, string? lastFour)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var given = lastFour?.Trim() ?? "";
        return given.Length == 4 && given.All(char.IsAsciiDigit) && digits.EndsWith(given, StringComparison.Ordinal);
    }
}
