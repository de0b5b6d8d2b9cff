using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>
/// The day's counters in memory: the last number of each prefix, who waits per service and tier,
/// the walk-ins taken per service and each service's ratio state. Every issue and call needs them
/// inside the write slot, where a query each costs the whole queue time; kept here, the locked part
/// of an issue is inserts only.
/// </summary>
/// <remarks>
/// Exact only under a sole writer (<see cref="IWriteStrategy.SoleWriter"/>), which runs one command
/// at a time. Memory then follows the writer's transaction, not the durable file: each command's
/// changes are noted from its own change tracker when it saves (<see cref="Command"/>) and taken in
/// only once its savepoint is released, so a refused or failed command consumes no number and
/// changes no count. A batch lost at commit, a failed save, a new service day or a start rebuild
/// everything from the database (in the writer's transaction, which is then what the next command
/// sees). The unique index on (day, prefix, number) stays the guard.
/// </remarks>
public sealed class DayCounters
{
    private static readonly ConditionalWeakTable<FrontOfficeDb, Command> InFlight = [];

    private readonly Lock _sync = new();
    private Snapshot? _shared;
    private long _losses;

    /// <summary>The counters as the command running on <paramref name="db"/> sees them; null outside a sole writer's command.</summary>
    public static Command? Of(FrontOfficeDb db) => InFlight.TryGetValue(db, out var command) ? command : null;

    /// <summary>Starts following the command about to run on <paramref name="db"/>.</summary>
    public Command Begin(FrontOfficeDb db, IWriteStrategy writer)
    {
        var command = new Command(this, db, writer);
        InFlight.AddOrUpdate(db, command);
        return command;
    }

    /// <summary>What one service day holds; immutable records inside mutable maps owned by the writer.</summary>
    private sealed class Snapshot(DateOnly day)
    {
        public DateOnly Day { get; } = day;
        public DateTime From { get; } = AlmatyClock.StartOfDayUtc(day);
        public Dictionary<string, int> Last { get; } = new(StringComparer.Ordinal);
        public Dictionary<int, TierCounts> Waiting { get; } = [];
        public Dictionary<int, int> WalkIns { get; } = [];
        public Dictionary<int, (DateOnly Day, int? Regulars)> Ratios { get; } = [];

        public static async Task<Snapshot> LoadAsync(FrontOfficeDb db, DateOnly day, CancellationToken ct)
        {
            var s = new Snapshot(day);
            foreach (var row in await db.Tickets.Where(t => t.ServiceDay == day).GroupBy(t => t.Prefix)
                         .Select(g => new { g.Key, Max = g.Max(t => t.Number) }).ToListAsync(ct))
            {
                s.Last[row.Key] = row.Max;
            }

            foreach (var row in await db.Tickets.Where(t => t.State == TicketState.Waiting && t.ArrivedAt >= s.From)
                         .GroupBy(t => new { t.ServiceId, t.Tier }).Select(g => new { g.Key.ServiceId, g.Key.Tier, Count = g.Count() })
                         .ToListAsync(ct))
            {
                s.Waiting[row.ServiceId] = Add(s.Waiting.GetValueOrDefault(row.ServiceId), row.Tier, row.Count);
            }

            foreach (var row in await db.Tickets.Where(t => t.ServiceDay == day && t.AppointmentAt == null).GroupBy(t => t.IssuedServiceId)
                         .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            {
                s.WalkIns[row.Key] = row.Count;
            }

            foreach (var counter in await db.QueueCounters.AsNoTracking().ToListAsync(ct))
            {
                s.Ratios[counter.ServiceId] = (counter.ServiceDay, counter.RegularsSincePriority);
            }

            return s;
        }

        public void Apply(Change change)
        {
            if (change.Ratio is { } ratio)
            {
                Ratios[ratio.ServiceId] = (ratio.Day, ratio.Regulars);
                return;
            }

            if (change.Before is { } before && IsWaiting(before))
            {
                Waiting[before.ServiceId] = Add(Waiting.GetValueOrDefault(before.ServiceId), before.Tier, -1);
            }

            if (change.After is { } after)
            {
                if (IsWaiting(after))
                {
                    Waiting[after.ServiceId] = Add(Waiting.GetValueOrDefault(after.ServiceId), after.Tier, 1);
                }

                if (change.Before is null && after.ServiceDay == Day)
                {
                    Last[after.Prefix] = Math.Max(Last.GetValueOrDefault(after.Prefix), after.Number);
                    if (!after.Booked)
                    {
                        WalkIns[after.IssuedServiceId] = WalkIns.GetValueOrDefault(after.IssuedServiceId) + 1;
                    }
                }
            }
        }

        private bool IsWaiting(TicketFacts t) => t.State == TicketState.Waiting && t.ArrivedAt >= From;

        private static TierCounts Add(TierCounts c, TicketTier tier, int n) => tier switch
        {
            TicketTier.Priority => c with { Priority = c.Priority + n },
            TicketTier.Regular => c with { Regular = c.Regular + n },
            _ => c with { Reception = c.Reception + n },
        };
    }

    /// <summary>What the counters read of a ticket.</summary>
    private readonly record struct TicketFacts(
        int ServiceId, int IssuedServiceId, TicketTier Tier, TicketState State, DateTime ArrivedAt, DateOnly ServiceDay, string Prefix, int Number, bool Booked)
    {
        public static TicketFacts Of(PropertyValues v) => new(
            v.GetValue<int>(nameof(Ticket.ServiceId)), v.GetValue<int>(nameof(Ticket.IssuedServiceId)), v.GetValue<TicketTier>(nameof(Ticket.Tier)),
            v.GetValue<TicketState>(nameof(Ticket.State)), v.GetValue<DateTime>(nameof(Ticket.ArrivedAt)), v.GetValue<DateOnly>(nameof(Ticket.ServiceDay)),
            v.GetValue<string>(nameof(Ticket.Prefix)), v.GetValue<int>(nameof(Ticket.Number)), v.GetValue<DateTime?>(nameof(Ticket.AppointmentAt)) is not null);
    }

    private readonly record struct Change(TicketFacts? Before, TicketFacts? After, (int ServiceId, DateOnly Day, int? Regulars)? Ratio = null);

    /// <summary>
    /// One command under the sole writer: its saved changes, seen by its own reads at once and by
    /// everyone else's once its savepoint is released.
    /// </summary>
    public sealed class Command : IDisposable
    {
        private readonly DayCounters _counters;
        private readonly FrontOfficeDb _db;
        private readonly IWriteStrategy _writer;
        private readonly List<Change> _changes = [];

        /// <summary>Read afresh for this command alone when the shared counters had to be rebuilt after it had saved.</summary>
        private Snapshot? _own;

        internal Command(DayCounters counters, FrontOfficeDb db, IWriteStrategy writer)
        {
            _counters = counters;
            _db = db;
            _writer = writer;
            db.SavingChanges += Noting;
            db.SaveChangesFailed += Failed;
        }

        /// <summary>A new attempt of the command (the first, or a rerun after a conflict): nothing of the last one counts.</summary>
        public void Restart()
        {
            _changes.Clear();
            _own = null;
        }

        /// <summary>The command's savepoint is released: its changes are the writer's, and the next command reads them.</summary>
        public void Released()
        {
            lock (_counters._sync)
            {
                if (_own is null && _counters._shared is { } shared)
                {
                    _changes.ForEach(shared.Apply);
                }
                else
                {
                    _counters._shared = null; // read by this command alone: the next rebuilds
                }
            }

            Restart();
        }

        public async ValueTask<int> LastNumberAsync(DateOnly day, string prefix, CancellationToken ct) =>
            (await ReadAsync(day, ct)).Last.GetValueOrDefault(prefix);

        public async ValueTask<TierCounts> WaitingAsync(int serviceId, DateOnly day, CancellationToken ct) =>
            (await ReadAsync(day, ct)).Waiting.GetValueOrDefault(serviceId);

        public async ValueTask<int> WalkInsAsync(int serviceId, DateOnly day, CancellationToken ct) =>
            (await ReadAsync(day, ct)).WalkIns.GetValueOrDefault(serviceId);

        /// <summary>The service's ratio counter as its row stands (null when the service has none yet).</summary>
        public async ValueTask<(DateOnly Day, int? Regulars)?> RatioAsync(int serviceId, DateOnly day, CancellationToken ct) =>
            (await ReadAsync(day, ct)).Ratios.TryGetValue(serviceId, out var r) ? r : null;

        /// <summary>The counters for <paramref name="day"/> with this command's own saved changes in them.</summary>
        private async ValueTask<Snapshot> ReadAsync(DateOnly day, CancellationToken ct)
        {
            if (_own is { } own && own.Day == day)
            {
                return Replayed(own, sinceLoad: true);
            }

            Snapshot? shared;
            lock (_counters._sync)
            {
                if (_counters._losses != _writer.Losses)
                {
                    _counters._losses = _writer.Losses;
                    _counters._shared = null;
                }

                shared = _counters._shared is { } s && s.Day == day ? s : null;
            }

            if (shared is not null)
            {
                return Replayed(shared, sinceLoad: false);
            }

            // Loaded inside the writer's transaction, so it already holds what this command saved.
            var loaded = await Snapshot.LoadAsync(_db, day, ct);
            if (_changes.Count == 0)
            {
                lock (_counters._sync)
                {
                    _counters._shared = loaded;
                }

                return loaded;
            }

            _own = loaded;
            _ownLoadedAt = _changes.Count;
            return loaded;
        }

        private int _ownLoadedAt;

        /// <summary>A copy with this command's changes applied (those after the load, for a snapshot of its own).</summary>
        private Snapshot Replayed(Snapshot basis, bool sinceLoad)
        {
            var pending = sinceLoad ? _changes.Skip(_ownLoadedAt).ToList() : _changes;
            if (pending.Count == 0)
            {
                return basis;
            }

            var copy = new Snapshot(basis.Day);
            foreach (var (k, v) in basis.Last)
            {
                copy.Last[k] = v;
            }

            foreach (var (k, v) in basis.Waiting)
            {
                copy.Waiting[k] = v;
            }

            foreach (var (k, v) in basis.WalkIns)
            {
                copy.WalkIns[k] = v;
            }

            foreach (var (k, v) in basis.Ratios)
            {
                copy.Ratios[k] = v;
            }

            pending.ForEach(copy.Apply);
            return copy;
        }

        private void Noting(object? sender, SavingChangesEventArgs e)
        {
            foreach (var entry in _db.ChangeTracker.Entries<Ticket>())
            {
                var change = entry.State switch
                {
                    EntityState.Added => new Change(null, TicketFacts.Of(entry.CurrentValues)),
                    EntityState.Modified => new Change(TicketFacts.Of(entry.OriginalValues), TicketFacts.Of(entry.CurrentValues)),
                    EntityState.Deleted => new Change(TicketFacts.Of(entry.OriginalValues), null),
                    _ => (Change?)null,
                };
                if (change is { } c)
                {
                    _changes.Add(c);
                }
            }

            foreach (var entry in _db.ChangeTracker.Entries<QueueCounter>())
            {
                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    _changes.Add(new Change(null, null, (entry.Entity.ServiceId, entry.Entity.ServiceDay, entry.Entity.RegularsSincePriority)));
                }
            }
        }

        /// <summary>A save that failed may have half-written (a number lost to the unique index): trust the file again.</summary>
        private void Failed(object? sender, SaveChangesFailedEventArgs e)
        {
            lock (_counters._sync)
            {
                _counters._shared = null;
            }
        }

        public void Dispose()
        {
            _db.SavingChanges -= Noting;
            _db.SaveChangesFailed -= Failed;
            InFlight.Remove(_db);
        }
    }
}
