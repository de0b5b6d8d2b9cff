namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// How a provider takes writes. SQLite has one write slot per file, so its strategy is the
/// <see cref="GroupCommit"/>: one writer, commands one after another, one fsync for many. A server
/// database registers none and takes each command in a transaction of its own, its concurrency
/// settling races (Application's <c>Transactions</c>). Use cases call the same
/// <c>Transactions.RunAsync</c> either way and never learn which strategy ran them.
/// </summary>
public interface IWriteStrategy
{
    /// <summary>
    /// True when this process is the database's only writer and runs one command at a time, so
    /// that state kept in memory beside the database (the day's counters) is exact.
    /// </summary>
    bool SoleWriter { get; }

    /// <summary>
    /// Counts the batches whose commands were released but then lost with a failed commit; memory
    /// built on those commands is rebuilt from the database when this moves.
    /// </summary>
    long Losses { get; }

    /// <summary>
    /// Runs <paramref name="work"/> and saves it durably. <paramref name="released"/> runs once the
    /// command's changes are part of the writer's transaction for good (its savepoint released),
    /// before the next command starts; never for a command that is rolled back.
    /// </summary>
    Task<T> RunAsync<T>(FrontOfficeDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct, Action? released = null);
}
