using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAlmaty.FrontOffice.Persistence;

public static class PersistenceSetup
{
    public const string DatabaseFileName = "frontoffice.db";

    /// <summary>
    /// Registers the database: an SQLite file in the data directory, written through its strategy,
    /// the group commit. A server database (PostgreSQL, next) registers no <see cref="IWriteStrategy"/>:
    /// each command then runs in a transaction of its own and the database's concurrency settles races.
    /// </summary>
    public static IServiceCollection AddFrontOfficeDb(this IServiceCollection services, string dataDirectory)
    {
        var connectionString = SqliteConnectionString(dataDirectory);
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

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(FrontOfficeDb).Assembly.FullName))
            .AddInterceptors(new SqlitePragmas());

    /// <summary>Copies committed log pages into the database file without blocking readers or writers.</summary>
    public static async Task CheckpointAsync(FrontOfficeDb db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", ct);
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
