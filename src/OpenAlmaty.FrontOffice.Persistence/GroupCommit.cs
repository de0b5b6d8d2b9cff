using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// SQLite's way to write: one writer, and one fsync for many commands. SQLite has a single write
/// slot and each durable commit costs a sync of the log; so the writer opens one transaction,
/// lets every command that is waiting run in it in turn, each in its own savepoint, and commits
/// them together. A command that fails (a refusal, a conflict it could not settle) is rolled back
/// to its savepoint alone and gets its error at once; the others get their answers only when the
/// shared commit is durable, so a 201 still means the row survives a SIGKILL.
/// Each command runs in its own <see cref="FrontOfficeDb"/>, lent the writer's connection and
/// transaction for its turn, so the use cases do not know they were batched.
/// </summary>
public sealed class GroupCommit : IWriteStrategy, IAsyncDisposable
{
    /// <summary>More commands than this wait for the next commit, so that no answer waits long behind a huge batch.</summary>
    public const int MaxBatch = 128;

    private const int Attempts = 5;

    private readonly string _connectionString;
    private readonly Channel<Turn> _waiting = Channel.CreateUnbounded<Turn>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommit(string connectionString)
    {
        _connectionString = connectionString;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Batches of the life of this writer and the commands in them, for the bench and the tests.</summary>
    public (long Batches, long Commands) Committed => (Interlocked.Read(ref _batches), Interlocked.Read(ref _commands));

    private long _batches;
    private long _commands;
    private long _losses;

    /// <summary>One writer, one command at a time: memory kept beside the file is exact.</summary>
    public bool SoleWriter => true;

    public long Losses => Interlocked.Read(ref _losses);

    /// <summary>
    /// Runs <paramref name="work"/> against <paramref name="db"/> inside the next group commit and
    /// returns its result once that commit is durable. A concurrency conflict reruns the work on
    /// fresh data (within the same batch); any other exception rolls back this command only.
    /// </summary>
    public async Task<T> RunAsync<T>(FrontOfficeDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct, Action? released = null)
    {
        var turn = new Turn();
        await _waiting.Writer.WriteAsync(turn, ct);
        SqliteTransaction transaction;
        try
        {
            transaction = await turn.Given.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // The writer skips a turn nobody waits for any more; one given at this instant is handed back.
            if (!turn.Given.TrySetCanceled(ct) && turn.Given.Task.IsCompletedSuccessfully)
            {
                turn.Finished.TrySetResult(false);
            }

            throw;
        }

        T result;
        try
        {
            result = await InSavepointAsync(db, transaction, work, released, ct);
        }
        catch
        {
            // A refusal is answered once the batch has ended too: what it lost to (the same
            // idempotency key, the last place) is then committed and can be read back.
            turn.Finished.TrySetResult(false);
            await turn.Ended.Task.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        turn.Finished.TrySetResult(true);
        await turn.Ended.Task;
        return result;
    }

    private async Task<T> InSavepointAsync<T>(
        FrontOfficeDb db, SqliteTransaction transaction, Func<CancellationToken, Task<T>> work, Action? released, CancellationToken ct)
    {
        var facade = db.Database;
        if (facade.GetDbConnection().State != System.Data.ConnectionState.Closed)
        {
            throw new InvalidOperationException("A command joins the group commit with its connection closed (no query of its own in flight).");
        }

        facade.SetDbConnection(transaction.Connection, contextOwnsConnection: false);
        try
        {
            await facade.UseTransactionAsync(transaction, ct);
            for (var attempt = 1; ; attempt++)
            {
                await transaction.SaveAsync(Savepoint, ct);
                try
                {
                    var result = await work(ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.ReleaseAsync(Savepoint, ct);
                    // Before the writer gives the next turn: the next command sees this one in memory as in the file.
                    released?.Invoke();
                    return result;
                }
                catch (DbUpdateConcurrencyException) when (attempt < Attempts)
                {
                    await UndoAsync(db, transaction);
                }
                catch
                {
                    await UndoAsync(db, transaction);
                    throw;
                }
            }
        }
        finally
        {
            await facade.UseTransactionAsync(null, CancellationToken.None);
            facade.SetDbConnection(null, contextOwnsConnection: false);
            facade.SetConnectionString(_connectionString);
        }
    }

    private const string Savepoint = "command";

    /// <summary>Forgets the command's changes and what it meant to do after the commit (an audit head, a wake-up).</summary>
    private static async Task UndoAsync(FrontOfficeDb db, SqliteTransaction transaction)
    {
        db.ChangeTracker.Clear();
        db.RolledBack();
        await transaction.RollbackAsync(Savepoint, CancellationToken.None);
        await transaction.ReleaseAsync(Savepoint, CancellationToken.None);
    }

    private async Task WriteAsync()
    {
        var reader = _waiting.Reader;
        while (await reader.WaitToReadAsync())
        {
            var done = new List<Turn>();
            var refused = new List<Turn>();
            SqliteConnection? connection = null;
            SqliteTransaction transaction;
            try
            {
                connection = new SqliteConnection(_connectionString);
                await connection.OpenAsync();
                await SqlitePragmas.ApplyAsync(connection, CancellationToken.None);
                transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write slot at once
            }
            catch (Exception e)
            {
                connection?.Dispose();

                // No transaction to be had (the file gone, the disk unreadable): those waiting hear it now, not never.
                while (reader.TryRead(out var turn))
                {
                    turn.Given.TrySetException(e);
                }

                continue;
            }

            await using (connection)
            await using (transaction)
            try
            {
                var taken = 0;
                while (taken < MaxBatch && reader.TryRead(out var turn))
                {
                    if (!turn.Given.TrySetResult(transaction))
                    {
                        continue; // its caller gave up before its turn came
                    }

                    taken++;
                    (await turn.Finished.Task ? done : refused).Add(turn);
                }

                if (done.Count > 0)
                {
                    await transaction.CommitAsync();
                    Interlocked.Increment(ref _batches);
                    Interlocked.Add(ref _commands, done.Count);
                }

                done.ForEach(t => t.Ended.TrySetResult());
            }
            catch (Exception e)
            {
                // The commit itself failed (disk full, I/O): nothing of this batch is durable, and every caller hears so.
                // Counted first: memory that took these commands in is rebuilt before the next batch reads it.
                Interlocked.Increment(ref _losses);
                done.ForEach(t => t.Ended.TrySetException(e));
            }

            refused.ForEach(t => t.Ended.TrySetResult());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _writer;
    }

    private sealed class Turn
    {
        public TaskCompletionSource<SqliteTransaction> Given { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True when the command ran and saved; false when it failed and was rolled back to its savepoint.</summary>
        public TaskCompletionSource<bool> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The batch has ended: committed (durable) or, with an exception, lost.</summary>
        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
