using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

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
