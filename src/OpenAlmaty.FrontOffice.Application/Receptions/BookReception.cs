using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// A resident books a slot (kiosk or staff on the phone): the IIN is checked and kept only as a
/// keyed hash and its last four digits; a full session puts the resident on its waiting list.
/// </summary>
public sealed class BookReception(FrontOfficeDb db, IinHasher hasher, TimeProvider clock, Printing.PrintBookingSlip slip, Audit.AuditTrail audit)
{
    /// <summary>Books; at a kiosk the slip with the code is printed after the commit, so the booking stands whatever the printer does.</summary>
    public async Task<BookingCreatedDto> HandleAsync(Actor actor, BookReceptionRequest r, CancellationToken ct)
    {
        var overrideReason = r.IinOverrideReason?.Trim() is { Length: > 0 } given ? given : null;
        if (overrideReason is not null && (actor.UserId is null || overrideReason.Length > 200))
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "Only staff take an IIN as it stands, with a reason of at most 200 characters.");
        }

        var iin = overrideReason is null ? Iin.Parse(r.Iin) : Iin.ParseOverridingBirthDate(r.Iin);
        var overridden = overrideReason is not null && Iin.Check(r.Iin) != IinProblem.None;
        var name = r.FullName?.Trim() ?? "";
        var phone = r.Phone?.Trim() ?? "";
        if (name.Length is < 3 or > 200 || phone.Count(char.IsAsciiDigit) is < 10 or > 15 || phone.Length > 32
            || VisitTopics.Find(r.Topic) is null || (r.Text?.Trim().Length ?? 0) is < 1 or > 500)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed,
                "Full name (3–200), a phone number (10–15 digits), a topic and the matter in a few words (≤ 500) are needed.");
        }

        var slot = ReceptionView.ParseTime(r.SlotStart, "slotStart");
        var hash = hasher.Hash(iin);
        var (booking, position) = await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var session = await db.ReceptionSessions.SingleOrDefaultAsync(s => s.Id == r.SessionId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownSession);
            var bookings = await db.Bookings.Where(b => b.SessionId == session.Id).ToListAsync(ct);
            var request = new BookingRequest(hash, iin.LastFour, name, phone, r.Topic, r.Text!.Trim(), slot);
            if (ReceptionBook.Repeated(bookings, request, now) is { } earlier)
            {
                return (earlier, ReceptionBook.PlaceOnWaitingList(session.Id, bookings, earlier));
            }

            var monday = session.Date.AddDays(-(((int)session.Date.DayOfWeek + 6) % 7));
            var sameWeek = await db.Bookings.Where(b => b.IinHash == hash
                    && (b.State == BookingState.Active || b.State == BookingState.Waiting || b.State == BookingState.Offered))
                .Join(db.ReceptionSessions.Where(s => s.DeputyName == session.DeputyName && s.Date >= monday && s.Date < monday.AddDays(7)),
                    b => b.SessionId, s => s.Id, (b, s) => b).CountAsync(ct);
            var sequence = (await db.Bookings.MaxAsync(b => (long?)b.Sequence, ct) ?? 0) + 1;
            var booking = ReceptionBook.Book(session, bookings, sameWeek, request, Guid.CreateVersion7(), NewCode(), sequence, now);
            db.Bookings.Add(booking);
            // Who booked whom is in the booking; the trail keeps that a booking was made, by which kiosk or person, for which reception.
            await audit.RecordAsync("reception.booking.create", booking.Code,
                $"{session.DeputyName} · {session.Date:yyyy-MM-dd} {(booking.SlotStart is { } at ? ReceptionView.Time(at) : "күту тізімі / лист ожидания")}", ct);
            if (overridden)
            {
                await audit.RecordAsync("reception.booking.iin-override", booking.Code, overrideReason, ct);
            }

            await Notices.AddAsync(db, booking, booking.State == BookingState.Waiting ? "waiting-list" : "booked", now, ct);
            Notices.Changed(db, session.Id, now);
            await db.SaveChangesAsync(ct);
            return (booking, ReceptionBook.PlaceOnWaitingList(session.Id, [.. bookings, booking], booking));
        }, ct);
        var printed = await slip.HandleAsync(actor.DeviceId, booking.Code, ct);
        return new BookingCreatedDto(booking.Code, booking.SlotStart is { } s ? ReceptionView.Time(s) : null, position, printed.Status);
    }

    /// <summary>Eight characters without look-alikes (no 0/O, 1/I/L): read out on the phone without mistakes.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 8);
}
