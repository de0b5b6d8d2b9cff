using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

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
