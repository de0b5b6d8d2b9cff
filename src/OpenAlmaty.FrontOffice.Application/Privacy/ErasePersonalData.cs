using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Privacy;

/// <summary>What one pass of erasure removed.</summary>
public sealed record ErasedPersonalData(int Bookings, int Tickets, int ReportFiles);

/// <summary>
/// Erases personal data older than the retention period (hourly): residents' names, phones,
/// matters and IIN hashes on bookings whose session is past it; officers' notes and visitors'
/// comments on tickets of those days; and the nightly report files of those days, which quote
/// the comments. The anonymous facts stay for reports: states, topics, times, ratings, KSK names.
/// </summary>
public sealed class ErasePersonalData(FrontOfficeDb db, TimeProvider clock, GetRetention retention, Reports.WriteNightlyReport nightly)
{
    public async Task<ErasedPersonalData> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = (await retention.HandleAsync(ct)).ErasesBefore;
        var (bookings, tickets) = await Transactions.RunAsync(db, async ct =>
        {
            var old = await db.Bookings.Where(b => b.ErasedAt == null)
                .Join(db.ReceptionSessions.Where(s => s.Date < before), b => b.SessionId, s => s.Id, (b, s) => b).Take(5000).ToListAsync(ct);
            foreach (var booking in old)
            {
                booking.Erase(now);
            }

            await db.SaveChangesAsync(ct);
            var tickets = await db.Tickets
                .Where(t => t.ServiceDay < before && (t.OutcomeNote != null || t.TransferNote != null || t.RatingComment != null))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.OutcomeNote, (string?)null)
                    .SetProperty(t => t.TransferNote, (string?)null)
                    .SetProperty(t => t.RatingComment, (string?)null), ct);
            return (old.Count(b => b.ErasedAt == now), tickets);
        }, ct);
        return new ErasedPersonalData(bookings, tickets, nightly.DeleteBefore(before));
    }
}
