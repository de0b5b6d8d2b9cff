using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// Makes every SQLite connection durable: <c>synchronous=FULL</c> is per connection, so it is set
/// on each open; WAL is a property of the file, set once when the database is created.
/// A ticket whose 201 was sent survives a power cut. Checkpoints (copying the log into the
/// database file, with its own fsyncs) run in the background (<see cref="PersistenceSetup.CheckpointAsync"/>)
/// instead of inside whichever request happens to fill the log; the automatic one stays as a
/// safety net at a larger size.
/// The pragmas hold for the life of the native connection, which the pool keeps across opens,
/// so they are run once per native connection rather than before every query.
/// A test may cap the file's size (<see cref="LimitPages"/>) to meet a real <c>SQLITE_FULL</c>;
/// <c>max_page_count</c> is per connection too, so it travels with these pragmas.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=10000;";

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Prepared = [];

    /// <summary>Extra pragmas per connection string: only the test-only page cap today.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Extra = new(StringComparer.Ordinal);

    /// <summary>Caps the database behind <paramref name="connectionString"/> at <paramref name="pages"/> pages (tests of a full disk).</summary>
    public static void LimitPages(string connectionString, int pages) =>
        Extra[connectionString] = $"PRAGMA max_page_count={pages.ToString(System.Globalization.CultureInfo.InvariantCulture)};";

    private static string For(DbConnection connection) =>
        Extra.TryGetValue(connection.ConnectionString, out var extra) ? Pragmas + extra : Pragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = For(connection);
                command.ExecuteNonQuery();
            }
            catch
            {
                // EF counts the open as failed and will not close it: a pooled context would keep an open
                // connection into its next lease, which the group commit refuses (a 500 after a disk error).
                connection.Close();
                throw;
            }

            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = For(connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch
            {
                await connection.CloseAsync(); // as above
                throw;
            }

            Remember(connection);
        }
    }

    /// <summary>For a connection opened outside EF (the group commit's writer), from the same pool.</summary>
    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = For(connection);
            await command.ExecuteNonQueryAsync(ct);
            Remember(connection);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !Prepared.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Prepared.AddOrUpdate(handle, Pragmas);
        }
    }
}
