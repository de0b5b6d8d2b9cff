using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>Staff have called the resident (or the gateway delivered): the notice leaves the list.</summary>
public sealed class MarkNoticeDone(FrontOfficeDb db, TimeProvider clock, ReceptionReaders readers)
{
    public async Task HandleAsync(long noticeId, string doneBy, CancellationToken ct)
    {
        var reach = await readers.ReachAsync(ct);
        await Transactions.RunAsync(db, async ct =>
        {
            var notice = await db.ResidentNotices.SingleOrDefaultAsync(n => n.Id == noticeId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.NotFound, "There is no such notice.");
            var deskId = await db.Bookings.Where(b => b.Id == notice.BookingId)
                .Join(db.ReceptionSessions, b => b.SessionId, s => s.Id, (b, s) => s.DeskId).SingleOrDefaultAsync(ct);
            if (!reach.Covers(deskId))
            {
                throw ProblemException.Forbidden(ProblemTypes.NotYourReception);
            }

            notice.DoneAt ??= clock.GetUtcNow().UtcDateTime;
            notice.DoneBy ??= doneBy;
            return true;
        }, ct);
    }
}
