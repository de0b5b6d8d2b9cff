using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>What a housekeeping pass did.</summary>
public sealed record Housekept(int TicketsCancelled, int KeysForgotten, int EventsPruned);

/// <summary>
/// Nightly housekeeping: tickets of past days still waiting or parked are cancelled (their
/// visitors went home; today's queue starts empty), idempotency keys older than their lifetime
/// and hub events older than a week are removed. Safe to run at any time, any number of times.
/// </summary>
public sealed class CloseDay(FrontOfficeDb db, TimeProvider clock, IOptions<FrontOfficeOptions> options)
{
    public static readonly TimeSpan EventLifetime = TimeSpan.FromDays(7);

    public async Task<Housekept> HandleAsync(CancellationToken ct) => await Transactions.RunAsync(db, async ct =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = AlmatyClock.ServiceDay(now);
        var stale = await db.Tickets
            .Where(t => t.ServiceDay < today && (t.State == TicketState.Waiting || t.State == TicketState.Parked))
            .ToListAsync(ct);
        foreach (var ticket in stale)
        {
            ticket.Cancel(now);
        }

        var keysBefore = now.AddHours(-options.Value.IdempotencyHours);
        var keys = await db.IdempotencyRecords.Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(ct);
        var eventsBefore = now - EventLifetime;
        var events = await db.OutboxEvents.Where(e => e.CreatedAt < eventsBefore).ExecuteDeleteAsync(ct);
        return new Housekept(stale.Count, keys, events);
    }, ct);
}
