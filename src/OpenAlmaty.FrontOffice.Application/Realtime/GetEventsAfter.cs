using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Realtime;

/// <summary>
/// Catch-up by <c>seq</c>: the hall events of today (Asia/Almaty) after the one a client last handled, read back
/// from the outbox, which already holds every event in commit order and keeps it for a week
/// (<see cref="Tickets.CloseDay.EventLifetime"/>), so a client that was away (its connection lost, the server
/// restarted) learns of calls made and closed meanwhile, which no snapshot lists. Earlier days are not
/// replayed: their calls are nobody's business in today's hall. Events carry no personal data.
/// </summary>
public sealed class GetEventsAfter(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<HallEventsDto> HandleAsync(long afterSeq, CancellationToken ct)
    {
        if (afterSeq < 0)
        {
            throw ProblemException.Invalid(ProblemTypes.InvalidSeq, "afterSeq is 0 or more.");
        }

        var today = AlmatyClock.StartOfDayUtc(AlmatyClock.ServiceDay(clock.GetUtcNow().UtcDateTime));
        // One more than a page tells whether more follow without counting them.
        var rows = await db.OutboxEvents.AsNoTracking()
            .Where(e => e.Seq > afterSeq && e.CreatedAt >= today)
            .OrderBy(e => e.Seq).Take(HallEventsDto.PageSize + 1).ToListAsync(ct);
        // Read after the page, so that it is never below the page's last seq.
        var latest = await db.OutboxEvents.MaxAsync(e => (long?)e.Seq, ct) ?? 0;
        return new HallEventsDto(rows.Take(HallEventsDto.PageSize).Select(Outbox.Decode).ToList(), rows.Count > HallEventsDto.PageSize, latest);
    }

    /// <summary>The query string's <c>afterSeq</c>: a whole number of 0 or more, else 400 <see cref="ProblemTypes.InvalidSeq"/>.</summary>
    public static long ParseSeq(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? seq
            : throw ProblemException.Invalid(ProblemTypes.InvalidSeq, "afterSeq is a whole number, 0 or more.");
}
