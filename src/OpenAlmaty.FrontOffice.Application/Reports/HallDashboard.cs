using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Reports;

/// <summary>
/// Per agency: who waits, for how long, at how many open desks, against the target wait (green up
/// to it, amber up to twice it, red beyond); desks on a break; printers in trouble; today's load;
/// and, first, whatever is wrong with the storage (what makes <c>/health</c> Unhealthy).
/// </summary>
public sealed class GetHallDashboard(FrontOfficeDb db, GetSnapshot snapshot, BuildServiceReport report, TimeProvider clock, StorageFaults storage)
{
    public async Task<HallDashboardDto> HandleAsync(CancellationToken ct)
    {
        // Read first: with the disk failing, the queries below may fail too, and the page keeps what it last had.
        var storageFaults = storage.Now().Select(f => new StorageFaultDto(f.Code, f.Words.Kk, f.Words.Ru, f.Detail, TicketView.Utc(f.Since))).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var day = AlmatyClock.ServiceDay(now);
        var hall = await snapshot.HandleAsync(ct);
        var today = await report.HandleAsync(day, day, null, ct);
        var services = await db.Services.AsNoTracking().Include(s => s.Agency).Where(s => s.RetiredAt == null && s.Agency!.RetiredAt == null).ToListAsync(ct);
        var oldest = await db.Tickets.AsNoTracking().Where(t => t.ServiceDay == day && t.State == TicketState.Waiting)
            .GroupBy(t => t.ServiceId).Select(g => new { ServiceId = g.Key, Since = g.Min(t => t.ArrivedAt) }).ToDictionaryAsync(x => x.ServiceId, x => x.Since, ct);
        var openDeskServices = await db.DeskServices.AsNoTracking()
            .Join(db.Desks.Where(Desk.Serving), l => l.DeskId, d => d.Id, (l, d) => l).ToListAsync(ct);
        var queues = hall.Queues.ToDictionary(q => q.ServiceId);

        var agencies = services.GroupBy(s => s.AgencyId).Select(g =>
        {
            var agency = g.First().Agency!;
            var ids = g.Select(s => s.Id).ToHashSet();
            var waiting = g.Sum(s => queues.GetValueOrDefault(s.Id)?.Waiting ?? 0);
            var longest = g.Select(s => oldest.TryGetValue(s.Id, out var since) ? (int)(now - since).TotalMinutes : 0).DefaultIfEmpty(0).Max();
            var target = g.Min(s => s.TargetWaitMinutes);
            var ranges = g.Select(s => queues.GetValueOrDefault(s.Id)).Where(q => q is { Waiting: > 0 }).Select(q => q!.EstimatedWait).ToList();
            return new AgencyNowDto(agency.Id, agency.NameKk, agency.NameRu, waiting, longest,
                openDeskServices.Where(l => ids.Contains(l.ServiceId)).Select(l => l.DeskId).Distinct().Count(),
                WaitRangeDto.Across(ranges) ?? new WaitRangeDto(0, 0),
                target, Light(longest, target), today.Agencies.FirstOrDefault(a => a.AgencyId == agency.Id)?.WaitP50);
        }).OrderByDescending(a => a.Sla == "red").ThenByDescending(a => a.Sla == "amber").ThenByDescending(a => a.Waiting).ThenBy(a => a.AgencyId).ToList();

        var breaks = await db.Desks.AsNoTracking().Where(d => !d.IsOpen && d.RetiredAt == null && d.ClosedReason != null)
            .OrderBy(d => d.Id).Select(d => new DeskOnBreakDto(d.Id, d.Number, d.ClosedReason!)).ToListAsync(ct);
        var faults = await db.Devices.AsNoTracking().Where(d => d.RevokedAt == null && d.PrinterFault != null)
            .OrderBy(d => d.Name).Select(d => new DeviceFaultDto(d.Id, d.Name, d.PrinterFault!)).ToListAsync(ct);
        return new HallDashboardDto(TicketView.Utc(now), agencies, breaks, faults, today.IssuedByHour, storageFaults);
    }

    public static string Light(int longestWaitMinutes, int targetMinutes) =>
        longestWaitMinutes <= targetMinutes ? "green" : longestWaitMinutes <= 2 * targetMinutes ? "amber" : "red";
}
