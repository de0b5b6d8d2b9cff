using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// The personal-reception visits completed in the last two weeks, newest first: what an appeal is
/// registered from. Ticket numbers and times only; the resident's details stay with the booking.
/// </summary>
public sealed class RecentReceptionVisits(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReceptionVisitDto>> HandleAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-14);
        var reception = db.Services.Where(s => s.Code == CheckIn.ReceptionServiceCode).Select(s => s.Id);
        var visits = await db.Tickets.AsNoTracking()
            .Where(t => t.State == TicketState.Completed && t.ClosedAt >= since
                && (t.Tier == TicketTier.Reception || reception.Contains(t.ServiceId)))
            .OrderByDescending(t => t.ClosedAt).Take(50)
            .Select(t => new { t.Id, t.Prefix, t.Number, t.ClosedAt, HasAppeal = db.Appeals.Any(a => a.TicketId == t.Id) })
            .ToListAsync(ct);
        return visits.Select(v => new ReceptionVisitDto(v.Id, TicketNumber.Format(v.Prefix, v.Number), Tickets.TicketView.Utc(v.ClosedAt!.Value), v.HasAppeal))
            .ToList();
    }
}
