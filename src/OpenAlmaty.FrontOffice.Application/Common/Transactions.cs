using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// Runs a use case in one database transaction, the one way to write. On SQLite the use case
/// joins the next group commit (<see cref="GroupCommit"/>: one writer, each command in its own
/// savepoint, one fsync for all); on a server database it runs in a transaction of its own, and a
/// lost race shows as a concurrency conflict, after which the whole use case runs again on fresh data.
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
        try
        {
            var result = Service<GroupCommit>(db) is { } writer
                ? await writer.RunAsync(db, work, ct)
                : await OnItsOwnAsync(db, work, ct);
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
    private static TService? Service<TService>(FrontOfficeDb db) where TService : class =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TService>();

    /// <summary>A server database, or a context made outside the application (tools): a transaction of its own, behind the gate on SQLite.</summary>
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
