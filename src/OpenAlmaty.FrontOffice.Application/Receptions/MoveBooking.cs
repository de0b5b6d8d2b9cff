using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>Staff move one booking, with a reason; the freed place goes to the first waiting, the resident is told.</summary>
public sealed class MoveBooking(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit, ReceptionReaders readers)
{
    public async Task HandleAsync(string code, MoveBookingRequest r, CancellationToken ct)
    {
        var reason = r.Reason?.Trim() ?? "";
        if (reason.Length is < 1 or > 200)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "A move needs a reason of 1 to 200 characters.");
        }

        var slot = ReceptionView.ParseTime(r.SlotStart, "slotStart");
        var reach = await readers.ReachAsync(ct);
        await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var booking = await ReceptionView.BookingAsync(db, code, tracked: true, ct);
            var from = await db.ReceptionSessions.SingleAsync(s => s.Id == booking.SessionId, ct);
            var to = await db.ReceptionSessions.SingleOrDefaultAsync(s => s.Id == r.ToSessionId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownSession);
            if (!reach.Covers(from) || !reach.Covers(to))
            {
                throw ProblemException.Forbidden(ProblemTypes.NotYourReception);
            }

            var bookings = await db.Bookings.Where(b => b.SessionId == from.Id || b.SessionId == to.Id).ToListAsync(ct);
            var monday = to.Date.AddDays(-(((int)to.Date.DayOfWeek + 6) % 7));
            var sameWeek = booking.IinHash.Length == 0 ? 0 : await db.Bookings.Where(b => b.IinHash == booking.IinHash && b.Id != booking.Id
                    && (b.State == BookingState.Active || b.State == BookingState.Waiting || b.State == BookingState.Offered))
                .Join(db.ReceptionSessions.Where(s => s.DeputyName == to.DeputyName && s.Date >= monday && s.Date < monday.AddDays(7)),
                    b => b.SessionId, s => s.Id, (b, s) => b).CountAsync(ct);
            var tracked = bookings.Single(b => b.Id == booking.Id);
            var offered = ReceptionBook.Move(from, bookings.Where(b => b.SessionId == from.Id || b.Id == tracked.Id).ToList(), tracked,
                to, bookings.Where(b => b.SessionId == to.Id).ToList(), slot, sameWeek, now);
            await Notices.AddAsync(db, tracked, "moved", now, ct);
            if (offered is not null)
            {
                await Notices.AddAsync(db, offered, "place-offered", now, ct);
            }

            await audit.RecordAsync("reception.booking.move", tracked.Code,
                $"{from.DeputyName} {from.Date:yyyy-MM-dd} → {to.DeputyName} {to.Date:yyyy-MM-dd} {r.SlotStart}: {reason}", ct);
            Notices.Changed(db, from.Id, now);
            Notices.Changed(db, to.Id, now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }
}
