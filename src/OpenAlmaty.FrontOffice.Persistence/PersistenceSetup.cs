using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenAlmaty.FrontOffice.Persistence;

public static class PersistenceSetup
{
    public const string DatabaseFileName = "frontoffice.db";

    /// <summary>
    /// Registers the database: an SQLite file in the data directory, written through its strategy,
    /// the group commit. A server database (PostgreSQL, next) registers no <see cref="IWriteStrategy"/>:
    /// each command then runs in a transaction of its own and the database's concurrency settles races.
    /// </summary>
    /// <param name="maxPages">Tests only: a cap on the file's size in pages, to meet a real "database or disk is full".</param>
    public static IServiceCollection AddFrontOfficeDb(this IServiceCollection services, string dataDirectory, int? maxPages = null)
    {
        var connectionString = SqliteConnectionString(dataDirectory);
        if (maxPages is { } pages)
        {
            SqlitePragmas.LimitPages(connectionString, pages);
        }

        services.AddDbContextPool<FrontOfficeDb>(options => Configure(options, connectionString));
        services.AddSingleton(_ => new GroupCommit(connectionString));
        services.AddSingleton<IWriteStrategy>(sp => sp.GetRequiredService<GroupCommit>());
        return services;
    }

    public static string SqliteConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, DatabaseFileName),
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    // A failed command is logged where its failure is handled (once per storage fault, or as an
    // unexpected error with its exception), not a second time here with EF's stack trace.
    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(FrontOfficeDb).Assembly.FullName))
            .AddInterceptors(new SqlitePragmas())
            .ConfigureWarnings(w => w.Log(
                (RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug), (CoreEventId.QueryIterationFailed, LogLevel.Debug)));

    /// <summary>Copies committed log pages into the database file without blocking readers or writers.</summary>
    public static async Task CheckpointAsync(FrontOfficeDb db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", ct);
        }
    }

    /// <summary>
    /// The database's files (the database, its <c>-wal</c> log, its <c>-shm</c> index) that this process
    /// still has open although they were deleted from the data directory. SQLite keeps writing into a
    /// deleted log, which vanishes with the process: commits it acknowledged after the deletion would be
    /// lost at a crash. Read from <c>/proc/self/fd</c>, so only on Linux; elsewhere nothing is reported.
    /// </summary>
    public static IReadOnlyList<string> DeletedWhileOpen(string dataDirectory)
    {
        const string fds = "/proc/self/fd";
        if (!OperatingSystem.IsLinux() || !Directory.Exists(fds))
        {
            return [];
        }

        var database = Path.Combine(Path.GetFullPath(dataDirectory), DatabaseFileName);
        var watched = new[] { database, database + "-wal", database + "-shm" };
        var lost = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries(fds))
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed between the listing and the look
            }

            if (target is not null && target.EndsWith(" (deleted)", StringComparison.Ordinal)
                && watched.Contains(target[..^" (deleted)".Length], StringComparer.Ordinal))
            {
                lost.Add(Path.GetFileName(target[..^" (deleted)".Length]));
            }
        }

        return [.. lost];
    }

    /// <summary>
    /// Makes the database durable again after its log was deleted under the open connections. A
    /// connection opened since then finds a new, empty log that disagrees with the shared index and
    /// fails with a disk I/O error (SQLite notices; nothing is mixed up), while the connections from
    /// before still read and write the deleted one. So: find a connection from before among a few
    /// taken from the pool (a checkpoint succeeds only there); on it copy the whole deleted log into the
    /// database file and truncate it (<c>wal_checkpoint(TRUNCATE)</c> waits for the writer and syncs the
    /// file); empty the pool, so that no connection from before goes back into use; and truncate once
    /// more for what was written in between. The index then says the log is empty, which the new log
    /// file is, and every connection opened from now on uses that file. True when that worked; the
    /// caller looks again later, since a connection busy at that moment closes only when it is returned.
    /// </summary>
    public static async Task<bool> RecoverDeletedLogAsync(string connectionString, CancellationToken ct)
    {
        var taken = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(ct);
                taken.Add(connection);
            }

            foreach (var connection in taken)
            {
                if (await TruncateLogAsync(connection, ct))
                {
                    SqliteConnection.ClearPool(connection);
                    return await TruncateLogAsync(connection, ct);
                }
            }

            return false;
        }
        finally
        {
            foreach (var connection in taken)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<bool> TruncateLogAsync(SqliteConnection connection, CancellationToken ct)
    {
        try
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var result = await checkpoint.ExecuteReaderAsync(ct);
            return await result.ReadAsync(ct) && result.GetInt64(0) == 0;
        }
        catch (SqliteException)
        {
            return false; // a connection opened after the deletion: it cannot read the old log
        }
    }

    /// <summary>Creates or upgrades the database, then switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(FrontOfficeDb db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without starting the server.</summary>
internal sealed class DesignTimeFrontOfficeDb : IDesignTimeDbContextFactory<FrontOfficeDb>
{
    public FrontOfficeDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FrontOfficeDb>();
        PersistenceSetup.Configure(options, "Data Source=design-time.db");
        return new FrontOfficeDb(options.Options);
    }
}
