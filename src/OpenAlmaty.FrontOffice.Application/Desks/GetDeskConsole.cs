using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>The officer console's view of a desk: its visitor, the waiting list of its services, its parked visitors.</summary>
public sealed class GetDeskConsole(FrontOfficeDb db, GetRoster roster, TimeProvider clock)
{
    public const int MaxWaitingShown = 200;

    public async Task<DeskConsoleDto> HandleAsync(Actor actor, int deskId, CancellationToken ct)
    {
        var desk = await DeskAccess.RequireAsync(db, actor, deskId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await roster.HandleAsync(includeRetired: false, ct);
        var mine = await db.OfficerDesks.Where(o => o.UserId == actor.UserId).Select(o => o.DeskId).ToListAsync(ct);
        var serviceIds = desk.Services.Select(s => s.ServiceId).ToList();
        var from = AlmatyClock.StartOfDayUtc(AlmatyClock.ServiceDay(now));

        // The whole waiting list is ranked (only then is its order the call order); the top is shown.
        var waiting = await db.Tickets.AsNoTracking()
            .Where(t => serviceIds.Contains(t.ServiceId) && t.State == TicketState.Waiting && t.ArrivedAt >= from)
            .ToDictionaryAsync(t => t.Id, ct);
        var today = AlmatyClock.ServiceDay(now);
        var ratios = new Dictionary<int, ServiceRatio>();
        foreach (var service in await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToListAsync(ct))
        {
            ratios[service.Id] = await ServiceQueue.RatioAsync(db, service, today, ct);
        }

        var serving = await db.Desks.AsNoTracking().Where(Desk.Serving).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        var queue = QueueOrder.ForDesk(waiting.Values.Select(QueueEntry.Of).ToList(), ratios, now, desk.Id, serving.Keys);
        var parked = await db.Tickets.AsNoTracking()
            .Where(t => t.ParkedByDeskId == desk.Id && t.State == TicketState.Parked && t.ArrivedAt >= from)
            .OrderBy(t => t.ArrivedAt).ToListAsync(ct);

        CurrentVisitDto? current = null;
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.DeskId == desk.Id && (t.State == TicketState.Called || t.State == TicketState.Serving)).FirstOrDefaultAsync(ct);
        if (ticket is not null)
        {
            var call = await db.TicketCalls.AsNoTracking().Where(c => c.TicketId == ticket.Id).OrderByDescending(c => c.Id).FirstAsync(ct);
            var reason = JsonSerializer.Deserialize<CallReason>(call.Reason, JsonSerializerOptions.Web);
            var limit = await db.Services.Where(s => s.Id == ticket.ServiceId).Select(s => s.RecallLimit).SingleAsync(ct);
            current = new CurrentVisitDto(await TicketView.ToDtoAsync(db, ticket, now, ct), TicketView.Utc(ticket.ArrivedAt),
                TicketView.Utc(ticket.CalledAt ?? call.CalledAt), ticket.ServingStartedAt is { } s ? TicketView.Utc(s) : null,
                call.Rule, reason?.OfficerReason, ticket.TransferNote, limit);
        }

        return new DeskConsoleDto(
            all.Desks.Single(d => d.Id == desk.Id),
            all.Desks.Where(d => mine.Contains(d.Id)).ToList(),
            all.Agencies.SelectMany(a => a.Services).Where(s => serviceIds.Contains(s.Id)).ToList(),
            current,
            queue.CallOrder.Take(MaxWaitingShown).Select(e => Row(waiting[e.TicketId]))
                .Concat(queue.ReservedElsewhere.Select(e => Row(waiting[e.TicketId]) with { ReservedForDesk = serving[e.ReservedDeskId!.Value] }))
                .ToList(),
            parked.Select(Row).ToList());
    }

    private static WaitingTicketDto Row(Ticket t) => new(t.Id, t.DisplayNumber, t.ServiceId, t.Priority.ToString(), t.Tier.ToString(),
        TicketView.Utc(t.ArrivedAt), t.AppointmentAt is { } a ? TicketView.Utc(a) : null, t.Version, t.TransferCount > 0);
}
