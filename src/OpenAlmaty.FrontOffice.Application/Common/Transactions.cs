using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// Runs a use case in one database transaction, the one way to write. The provider's
/// <see cref="IWriteStrategy"/> takes it when it has one: on SQLite the use case joins the next
/// group commit (<see cref="GroupCommit"/>: one writer, each command in its own savepoint, one
/// fsync for all) and the day's counters follow it in memory (<see cref="DayCounters"/>). A server
/// database registers no strategy: the use case runs in a transaction of its own, and a lost race
/// shows as a concurrency conflict, after which the whole use case runs again on fresh data.
/// Either way the caller hears "done" only once its changes are durable, then the outbox
/// dispatcher is woken if the use case wrote hall events.
/// </summary>
public static class Transactions
{
    private const int Attempts = 5;

    public static async Task<T> RunAsync<T>(FrontOfficeDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        // One transaction per use case: EF's savepoints around each SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        using var history = Service<WaitHistory>(db)?.Begin(db);
        try
        {
            T result;
            if (Service<IWriteStrategy>(db) is { } writer)
            {
                using var counters = writer.SoleWriter ? Service<DayCounters>(db)?.Begin(db, writer) : null;
                result = await writer.RunAsync(db, ct =>
                {
                    counters?.Restart();
                    return work(ct);
                }, ct, counters is null ? null : counters.Released);
            }
            else
            {
                result = await OnItsOwnAsync(db, work, ct);
            }

            history?.Committed();
            Service<StorageFaults>(db)?.Written();
            db.Committed();
            if (db.OutboxWritten)
            {
                // Commit, then publish: the transaction that wrote events wakes the dispatcher itself.
                db.OutboxWritten = false;
                Service<IOutboxSignal>(db)?.Notify();
            }

            return result;
        }
        catch (Exception e)
        {
            Service<StorageFaults>(db)?.Failed(e);
            db.ChangeTracker.Clear();
            db.RolledBack();
            throw;
        }
    }

    /// <summary>A service of the application the context belongs to (pooled contexts cannot take it in their constructor).</summary>
    internal static TService? Service<TService>(FrontOfficeDb db) where TService : class =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TService>();

    /// <summary>
    /// The server database's strategy (its own concurrency), also taken by a context made outside
    /// the application (tools): a transaction of its own, behind the gate on SQLite.
    /// </summary>
    private static async Task<T> OnItsOwnAsync<T>(FrontOfficeDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var gate = WriteGate.For(db);
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                try
                {
                    var result = await work(ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                }
                catch (DbUpdateConcurrencyException) when (attempt < Attempts)
                {
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    db.RolledBack();
                }
            }
        }
        finally
        {
            gate?.Release();
        }
    }
}
