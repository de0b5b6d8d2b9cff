using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>
/// What wait estimates learn from, per service (<see cref="ServiceQueue.History"/>: recent service
/// times and serving desks), kept between tickets. Every issue used to read fifty calls and count
/// desks; these change only when a call ends or a desk opens, closes, is taken or re-assigned, so
/// the transaction that saves such a change forgets the services it touched as it commits
/// (<see cref="Watch"/>), and the next ticket reads them afresh.
/// </summary>
public sealed class WaitHistory
{
    private static readonly ConditionalWeakTable<FrontOfficeDb, Watch> Watching = [];

    private readonly ConcurrentDictionary<int, ServiceQueue.History> _kept = new();
    private long _generation;

    public async Task<ServiceQueue.History> GetAsync(FrontOfficeDb db, int serviceId, Func<Task<ServiceQueue.History>> load)
    {
        // A write that changed this service's history reads its own changes, uncommitted, from the database.
        if (Watching.TryGetValue(db, out var watch) && watch.Touched(serviceId))
        {
            return await load();
        }

        if (_kept.TryGetValue(serviceId, out var kept))
        {
            return kept;
        }

        var generation = Interlocked.Read(ref _generation);
        var loaded = await load();
        if (Interlocked.Read(ref _generation) == generation)
        {
            _kept.TryAdd(serviceId, loaded);
        }

        return loaded;
    }

    /// <summary>Follows the saves of the write about to run on <paramref name="db"/>.</summary>
    public Watch Begin(FrontOfficeDb db)
    {
        var watch = new Watch(this, db);
        Watching.AddOrUpdate(db, watch);
        return watch;
    }

    private void Forget(IReadOnlyCollection<int>? serviceIds)
    {
        Interlocked.Increment(ref _generation);
        if (serviceIds is null)
        {
            _kept.Clear();
            return;
        }

        foreach (var id in serviceIds)
        {
            _kept.TryRemove(id, out _);
        }
    }

    /// <summary>The services whose history one write changes: an ended call's service, or all when a desk changed.</summary>
    public sealed class Watch : IDisposable
    {
        private readonly WaitHistory _history;
        private readonly FrontOfficeDb _db;
        private readonly HashSet<int> _services = [];
        private bool _desks;

        internal Watch(WaitHistory history, FrontOfficeDb db)
        {
            _history = history;
            _db = db;
            db.SavingChanges += Noting;
        }

        public bool Touched(int serviceId) => _desks || _services.Contains(serviceId);

        /// <summary>The write is durable: the next reader loads what it changed.</summary>
        public void Committed()
        {
            if (_desks || _services.Count > 0)
            {
                _history.Forget(_desks ? null : _services);
            }
        }

        private void Noting(object? sender, SavingChangesEventArgs e)
        {
            foreach (var entry in _db.ChangeTracker.Entries<TicketCall>())
            {
                if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity.EndedAt is not null)
                {
                    _services.Add(entry.Entity.ServiceId);
                }
            }

            _desks |= _db.ChangeTracker.Entries<Desk>().Any(d => d.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || _db.ChangeTracker.Entries<DeskService>().Any(d => d.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        }

        public void Dispose()
        {
            _db.SavingChanges -= Noting;
            Watching.Remove(_db);
        }
    }
}
