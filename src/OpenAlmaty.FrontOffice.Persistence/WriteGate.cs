using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// SQLite has one writer at a time. Writers that collide inside SQLite wait in its busy handler,
/// which sleeps in steps of up to 100 ms; queueing them here first (FIFO, no sleeping) keeps a
/// burst of 20 desks at a few milliseconds each. This orders writes only: which ticket a desk
/// gets is still settled by the database (version token), so a server database needs no gate.
/// </summary>
public static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the database behind <paramref name="db"/>, or null where the database queues writers itself.</summary>
    public static SemaphoreSlim? For(DbContext db) =>
        db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connection
            ? Gates.GetOrAdd(connection, _ => new SemaphoreSlim(1, 1))
            : null;
}
