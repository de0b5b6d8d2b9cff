using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// After a session's day, a booking nobody checked in for is a no-show, counted per IIN hash (the
/// office may look at repeat no-shows when places are short). Runs with the hourly housekeeping.
/// </summary>
public sealed class RecordReceptionNoShows(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = AlmatyClock.ServiceDay(clock.GetUtcNow().UtcDateTime);
        return await Transactions.RunAsync(db, async ct =>
        {
            var missed = await db.Bookings.Where(b => b.State == BookingState.Active)
                .Join(db.ReceptionSessions.Where(s => s.Date < today), b => b.SessionId, s => s.Id, (b, s) => b).ToListAsync(ct);
            foreach (var booking in missed)
            {
                booking.MarkNoShow();
            }

            await db.SaveChangesAsync(ct);
            return missed.Count;
        }, ct);
    }

    /// <summary>How many receptions a resident (by IIN hash) has missed.</summary>
    public Task<int> CountAsync(string iinHash, CancellationToken ct) =>
        db.Bookings.CountAsync(b => b.IinHash == iinHash && b.State == BookingState.NoShow, ct);
}
