using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// A resident offered a freed place who did not confirm within the window loses the offer, and the
/// place goes to the next on the waiting list, who gets a "place-offered" notice on the "to call"
/// list. Nothing happens at the moment a window closes, so this runs with the hourly housekeeping
/// and before every read of a session: staff, the kiosk and the resident never see an offer that
/// has run out. A read only writes when it found one; nearly always it finds none.
/// </summary>
public sealed class PassOnLapsedOffers(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit)
{
    public const string AuditAction = "reception.offer-lapsed";

    /// <summary>Every session (the housekeeping, the "to call" list).</summary>
    /// <returns>How many offers lapsed.</returns>
    public async Task<int> HandleAsync(CancellationToken ct) =>
        await RanOut(db.Bookings.AsNoTracking(), clock.GetUtcNow().UtcDateTime).AnyAsync(ct) ? await PassOnAsync(null, ct) : 0;

    /// <summary>For a read that has just loaded these bookings: it costs nothing more unless one of their offers ran out.</summary>
    /// <returns>Whether the bookings read are out of date, so that the caller reads them again.</returns>
    public async Task<bool> IfAnyRanOutAsync(IEnumerable<Booking> read, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = read.Where(b => b.OfferRanOut(now)).Select(b => b.SessionId).Distinct().ToList();
        if (sessions.Count == 0)
        {
            return false;
        }

        await PassOnAsync(sessions, ct);
        return true;
    }

    /// <summary>For a read of one booking: one indexed look at its session's offers before any write.</summary>
    /// <returns>Whether what the caller read of that session is out of date.</returns>
    public async Task<bool> IfAnyRanOutAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await RanOut(db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId), clock.GetUtcNow().UtcDateTime).AnyAsync(ct))
        {
            return false;
        }

        await PassOnAsync([sessionId], ct);
        return true;
    }

    private async Task<int> PassOnAsync(IReadOnlyCollection<Guid>? onlySessions, CancellationToken ct)
    {
        var lapsed = await Transactions.RunAsync(db, async ct =>
        {
            // Looked for again inside the transaction: another read or the housekeeping may have passed them on meanwhile.
            var now = clock.GetUtcNow().UtcDateTime;
            var ranOut = RanOut(db.Bookings, now);
            var ids = await (onlySessions is null ? ranOut : ranOut.Where(b => onlySessions.Contains(b.SessionId)))
                .Select(b => b.SessionId).Distinct().ToListAsync(ct);
            if (ids.Count == 0)
            {
                return 0;
            }

            var sessions = await db.ReceptionSessions.Where(s => ids.Contains(s.Id)).ToListAsync(ct);
            var bookings = (await db.Bookings.Where(b => ids.Contains(b.SessionId)).ToListAsync(ct)).ToLookup(b => b.SessionId);
            var count = 0;
            foreach (var session in sessions)
            {
                foreach (var lapse in ReceptionBook.ExpireOffers(session, [.. bookings[session.Id]], now))
                {
                    // Nobody is to call the resident about an offer that is gone; the next in line is to be called.
                    await Notices.SupersedeAsync(db, lapse.Lapsed.Id, ct);
                    if (lapse.PassedTo is { } next)
                    {
                        await Notices.AddAsync(db, next, "place-offered", now, ct);
                    }

                    // The clock decided, not whoever's read noticed it; the codes only, no personal data.
                    await audit.RecordAsync(AuditAction, lapse.Lapsed.Code, Detail(session, lapse), ct, Actor.System);
                    count++;
                }

                Notices.Changed(db, session.Id, now);
            }

            await db.SaveChangesAsync(ct);
            return count;
        }, ct);
        if (lapsed > 0)
        {
        }

        return lapsed;
    }

    private static string Detail(ReceptionSession session, OfferLapse lapse) =>
        string.Create(CultureInfo.InvariantCulture,
            $"session {session.Id:N} {session.Date:yyyy-MM-dd} {ReceptionView.Time(lapse.Slot)}, window closed {lapse.ExpiredAt:yyyy-MM-dd HH:mm} UTC: {(lapse.PassedTo is { } next ? $"offered to {next.Code}" : "nobody to offer it to")}");

    /// <summary>The database's form of <see cref="Booking.OfferRanOut"/>, to find lapsed offers without loading the bookings.</summary>
    private static IQueryable<Booking> RanOut(IQueryable<Booking> bookings, DateTime nowUtc) =>
        bookings.Where(b => b.State == BookingState.Offered && b.OfferExpiresAt < nowUtc);
}
