using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>A kiosk's latest print jobs for its admin page: which tickets came out and which did not, and why.</summary>
public sealed class ListPrintJobs(FrontOfficeDb db)
{
    public async Task<IReadOnlyList<PrintJobDto>> HandleAsync(Guid deviceId, int count, CancellationToken ct)
    {
        var jobs = await (
                from j in db.PrintJobs.AsNoTracking()
                where j.DeviceId == deviceId
                orderby j.Id descending
                join t in db.Tickets on j.TicketId equals t.Id
                select new { j.Id, t.Prefix, t.Number, j.CreatedAt, j.Mode, j.Fault, j.Detail, j.IsReprint })
            .Take(Math.Clamp(count, 1, 200)).ToListAsync(ct);
        return jobs.Select(j => new PrintJobDto(j.Id, TicketNumber.Format(j.Prefix, j.Number), TicketView.Utc(j.CreatedAt),
            j.Mode.ToLowerInvariant(), j.Fault ?? PrintTicket.Printed, j.Detail, j.IsReprint)).ToList();
    }
}
