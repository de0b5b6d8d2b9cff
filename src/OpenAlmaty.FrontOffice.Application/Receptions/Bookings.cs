using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>What every booking change owes the resident: a notice on the "to call" list (older ones go stale) and a hub event.</summary>
internal static class Notices
{
    public static async Task AddAsync(FrontOfficeDb db, Booking booking, string kind, DateTime now, CancellationToken ct)
    {
        await SupersedeAsync(db, booking.Id, ct);
        db.ResidentNotices.Add(new ResidentNotice { BookingId = booking.Id, BookingVersion = booking.Version, Kind = kind, CreatedAt = now });
    }

    /// <summary>The booking changed: its undelivered notices tell of what no longer holds.</summary>
    public static Task SupersedeAsync(FrontOfficeDb db, Guid bookingId, CancellationToken ct) =>
        db.ResidentNotices.Where(n => n.BookingId == bookingId && n.DoneAt == null && !n.Stale)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Stale, true), ct);

    public static void Changed(FrontOfficeDb db, Guid sessionId, DateTime now) =>
        Outbox.Add(db, new ReceptionChangedEvent(0, sessionId), now);
}

/// <summary>
/// A resident books a slot (kiosk or staff on the phone): the IIN is checked and kept only as a
/// keyed hash and its last four digits; a full session puts the resident on its waiting list.
/// </summary>
public sealed class BookReception(FrontOfficeDb db, IinHasher hasher, TimeProvider clock, Printing.PrintBookingSlip slip)
{

    /// <summary>Books; at a kiosk the slip with the code is printed after the commit, so the booking stands whatever the printer does.</summary>
    public async Task<BookingCreatedDto> HandleAsync(Actor actor, BookReceptionRequest r, CancellationToken ct)
    {
        var iin = Iin.Parse(r.Iin);
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

/// <summary>Staff move one booking, with a reason; the freed place goes to the first waiting, the resident is told.</summary>
public sealed class MoveBooking(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task HandleAsync(string code, MoveBookingRequest r, CancellationToken ct)
    {
        var reason = r.Reason?.Trim() ?? "";
        if (reason.Length is < 1 or > 200)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "A move needs a reason of 1 to 200 characters.");
        }

        var slot = ReceptionView.ParseTime(r.SlotStart, "slotStart");
        await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var booking = await ReceptionView.BookingAsync(db, code, tracked: true, ct);
            var from = await db.ReceptionSessions.SingleAsync(s => s.Id == booking.SessionId, ct);
            var to = await db.ReceptionSessions.SingleOrDefaultAsync(s => s.Id == r.ToSessionId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownSession);
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

/// <summary>
/// Moves a whole session (the deputy akim is called away) onto a date: onto that day's session of
/// the same deputy, or a new one at the same hours. Every booking moves in one transaction, in its
/// order; each resident gets a new notice and the old ones go stale. Without confirm: a preview.
/// </summary>
public sealed class RescheduleSession(FrontOfficeDb db, HallCalendar calendar, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task<ReschedulePlanDto> HandleAsync(Guid sessionId, RescheduleSessionRequest r, CancellationToken ct)
    {
        if (!calendar.Current.IsWorkingDay(r.ToDate))
        {
            throw ProblemException.Invalid(ProblemTypes.NotAWorkingDay, $"{r.ToDate:yyyy-MM-dd} is not a working day.");
        }

        var result = await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var from = await db.ReceptionSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownSession);
            if (from.IsCancelled)
            {
                throw ProblemException.Conflict(ProblemTypes.SessionUnavailable, "The session is already cancelled.");
            }

            var target = await db.ReceptionSessions.Where(s => s.DeputyName == from.DeputyName && s.Date == r.ToDate && s.Id != from.Id)
                .OrderBy(s => s.Start).FirstOrDefaultAsync(ct);
            if (target is null)
            {
                target = ReceptionSession.Plan(Guid.CreateVersion7(), from.DeputyName, from.DistrictAgencyId, r.ToDate, from.Start, from.End,
                    from.SlotMinutes, from.PlacesPerSlot, from.DeskId);
                db.ReceptionSessions.Add(target);
            }

            var bookings = await db.Bookings.Where(b => b.SessionId == from.Id || b.SessionId == target.Id).ToListAsync(ct);
            var plan = ReceptionBook.PlanReschedule(from, bookings, [(target, bookings.Where(b => b.SessionId == target.Id).ToList())], now);
            var byId = bookings.ToDictionary(b => b.Id);
            var moves = plan.Select(m => new BookingMoveDto(byId[m.BookingId].Code,
                byId[m.BookingId].SlotStart is { } s ? ReceptionView.Time(s) : null, r.ToDate,
                m.ToSlot is { } t ? ReceptionView.Time(t) : null)).ToList();
            if (!r.Confirm)
            {
                return new ReschedulePlanDto(target.Id, moves, Applied: false);
            }

            ReceptionBook.Apply(from, bookings, plan, now);
            foreach (var move in plan)
            {
                await Notices.AddAsync(db, byId[move.BookingId], "moved", now, ct);
            }

            Notices.Changed(db, from.Id, now);
            Notices.Changed(db, target.Id, now);
            await audit.RecordAsync("reception.session.reschedule", $"session {from.Id:N}",
                $"{from.DeputyName} {from.Date:yyyy-MM-dd} → {r.ToDate:yyyy-MM-dd}: {string.Join(", ", moves.Select(m => $"{m.Code} {m.FromSlot}→{m.ToSlot ?? "waiting"}"))}", ct);
            await db.SaveChangesAsync(ct);
            return new ReschedulePlanDto(target.Id, moves, Applied: true);
        }, ct);
        if (result.Applied)
        {
        }

        return result;
    }
}

/// <summary>
/// The resident arrives with the booking code: a ticket of the reception service, called at the
/// slot time ahead of walk-ins; a late arrival is called at the next free moment.
/// </summary>
public sealed class CheckIn(FrontOfficeDb db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<FrontOfficeOptions> options,
    Printing.PrintTicket print)
{
    public const string ReceptionServiceCode = "personal-reception";

    public async Task<TicketDto> HandleAsync(Actor actor, CheckInRequest r, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Code == ReceptionServiceCode && s.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownService, "The roster has no reception service.");
        var ticket = await Transactions.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var booking = await ReceptionView.BookingAsync(db, r.Code, tracked: true, ct);
            var session = await db.ReceptionSessions.AsNoTracking().SingleAsync(s => s.Id == booking.SessionId, ct);
            if (session.IsCancelled || session.Date != Domain.Calendar.AlmatyClock.ServiceDay(now))
            {
                throw ProblemException.Conflict(ProblemTypes.SessionUnavailable,
                    $"This booking is for {session.Date:yyyy-MM-dd}; check-in opens on the day.");
            }

            var slotAt = Domain.Calendar.AlmatyClock.ToUtc(session.Date.ToDateTime(booking.SlotStart!.Value));
            var issued = await IssueTicket.IssueAsync(db, service, VisitorLanguage.Kk, Priority.None, now, options.Value.TrainingMode, ct,
                appointmentAt: slotAt, issuedBy: actor.DeviceId);
            booking.CheckIn(issued.Id);
            Notices.Changed(db, session.Id, now);
            return issued;
        }, ct);

        // Printed after the commit, like any kiosk ticket: the check-in stands whatever the printer does.
        var printed = await print.IssuedAsync(ticket, ct);
        return TicketView.AtIssue(ticket) with { Print = new PrintStatusDto(printed.Status) };
    }
}
