using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// Cancels a date (a holiday the calendar does not know, the deputy's leave). A session with
/// residents booked is moved first, never cancelled under them; a cancelled date is not generated again.
/// </summary>
public sealed class CancelSession(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task HandleAsync(Guid sessionId, CancellationToken ct)
    {
        await Transactions.RunAsync(db, async ct =>
        {
            var session = await db.ReceptionSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownSession);
            if (await db.Bookings.AnyAsync(b => b.SessionId == sessionId
                    && (b.State == BookingState.Active || b.State == BookingState.Waiting || b.State == BookingState.Offered), ct))
            {
                throw ProblemException.Conflict(ProblemTypes.BookingWrongState, "Residents are booked: move the session to another date instead.");
            }

            session.Cancel(clock.GetUtcNow().UtcDateTime);
            await audit.RecordAsync("reception.session.cancel", $"session {session.Id:N}", $"{session.DeputyName} {session.Date:yyyy-MM-dd}", ct);
            return true;
        }, ct);
    }
}
