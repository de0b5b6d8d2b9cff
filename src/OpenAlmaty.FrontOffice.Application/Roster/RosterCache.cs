using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>
/// The agencies and services with their hours, read once and kept until the roster changes. Every
/// kiosk tap and roster read needs them, and they change a few times a year; the transaction that
/// publishes <c>RosterChanged</c> (<see cref="RosterEdit"/>) forgets them as it commits, before its
/// caller hears "done", so the next request reads the new roster. "Open now" is worked out per
/// read from the hours, never cached. Desks are not kept here: they open and close all day.
/// </summary>
/// <remarks>The entities are shared between requests: read them, never change or attach them.</remarks>
public sealed class RosterCache
{
    /// <summary>The roster as one read saw it: agencies in their order, each service with its agency.</summary>
    public sealed record Snapshot(IReadOnlyList<Agency> Agencies, IReadOnlyDictionary<int, Service> Services);

    private Snapshot? _current;
    private long _generation;

    public async ValueTask<Snapshot> GetAsync(FrontOfficeDb db, CancellationToken ct)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        // A change committed while this read ran must not be hidden by it: kept only if none came meanwhile.
        var generation = Interlocked.Read(ref _generation);
        var agencies = await db.Agencies.AsNoTracking().Include(a => a.Services)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        foreach (var agency in agencies)
        {
            foreach (var service in agency.Services)
            {
                service.Agency = agency;
            }
        }

        var loaded = new Snapshot(agencies, agencies.SelectMany(a => a.Services).ToDictionary(s => s.Id));
        if (Interlocked.Read(ref _generation) == generation)
        {
            Interlocked.CompareExchange(ref _current, loaded, null);
        }

        return loaded;
    }

    /// <summary>The roster changed (committed): the next read goes to the database.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
    }
}
