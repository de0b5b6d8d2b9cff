using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// Runs a use case in one database transaction. On SQLite the transaction takes the write lock
/// at once (BEGIN IMMEDIATE), so writers queue instead of deadlocking; on a server database a
/// lost race shows as a concurrency conflict, and the whole use case runs again on fresh data.
/// </summary>
public static class Transactions
{
    private const int Attempts = 5;

    public static async Task<T> RunAsync<T>(FrontOfficeDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        // One transaction per use case: EF's savepoints around each SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        var gate = WriteGate.For(db);
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }

        try
        {
            return await RunOnceOrRetryAsync(db, work, ct);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>The dispatcher of the application the context belongs to (pooled contexts cannot take it in their constructor).</summary>
    private static IOutboxSignal? SignalOf(FrontOfficeDb db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IOutboxSignal>();

    private static async Task<T> RunOnceOrRetryAsync<T>(FrontOfficeDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.Committed();
                if (db.OutboxWritten)
                {
                    // Commit, then publish: the transaction that wrote events wakes the dispatcher itself.
                    db.OutboxWritten = false;
                    SignalOf(db)?.Notify();
                }

                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                db.RolledBack();
            }
            catch
            {
                db.ChangeTracker.Clear();
                db.RolledBack();
                throw;
            }
        }
    }
}
