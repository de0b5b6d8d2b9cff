using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Realtime;

/// <summary>
/// The hall's state for a client that (re)connects. The sequence number is read first: the state
/// read after it is at least that new, so a client that drops events up to <c>Seq</c> misses
/// nothing (at worst it sees a change in both the snapshot and an event, which is harmless).
/// </summary>
public sealed class GetSnapshot(FrontOfficeDb db, TimeProvider clock)
{
    public const int RecentCalls = 20;

    public async Task<SnapshotDto> HandleAsync(CancellationToken ct)
    {
        var seq = await db.OutboxEvents.MaxAsync(e => (long?)e.Seq, ct) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var day = AlmatyClock.ServiceDay(now);
        var services = await db.Services.AsNoTracking().Where(s => s.RetiredAt == null).OrderBy(s => s.Id).ToListAsync(ct);
        var queues = new List<ServiceQueueDto>(services.Count);
        foreach (var service in services)
        {
            var queue = await ServiceQueue.LoadAsync(db, service, now, ct);
            var changed = queue.Changed();
            queues.Add(new ServiceQueueDto(service.Id, changed.Waiting, queue.ServingDesks, changed.EstimatedWait));
        }

        var desks = await db.Desks.AsNoTracking().Where(d => d.RetiredAt == null).OrderBy(d => d.Id).ToListAsync(ct);
        var atDesks = await db.Tickets.AsNoTracking()
            .Where(t => t.ServiceDay == day && (t.State == TicketState.Called || t.State == TicketState.Serving))
            .OrderByDescending(t => t.CalledAt).ToListAsync(ct);
        var deskNumbers = desks.ToDictionary(d => d.Id, d => d.Number);
        return new SnapshotDto(seq, day, queues,
            atDesks.Take(RecentCalls).Select(t => new RecentCallDto(t.DisplayNumber, deskNumbers.GetValueOrDefault(t.DeskId ?? 0, "?"),
                t.ServiceId, TicketView.Utc(t.CalledAt!.Value), t.State.ToString())).ToList(),
            desks.Select(d => new DeskStatusDto(d.Id, d.Number, d.IsOpen,
                atDesks.FirstOrDefault(t => t.DeskId == d.Id)?.DisplayNumber)).ToList());
    }
}
