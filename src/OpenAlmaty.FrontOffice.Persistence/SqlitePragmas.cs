using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// Makes every SQLite connection durable: <c>synchronous=FULL</c> is per connection, so it is set
/// on each open; WAL is a property of the file, set once when the database is created.
/// A ticket whose 201 was sent survives a power cut. Checkpoints (copying the log into the
/// database file, with its own fsyncs) run in the background (<see cref="PersistenceSetup.CheckpointAsync"/>)
/// instead of inside whichever request happens to fill the log; the automatic one stays as a
/// safety net at a larger size.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
