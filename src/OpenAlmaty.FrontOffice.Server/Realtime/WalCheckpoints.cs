using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>
/// Checkpoints the SQLite log every two seconds, off the request path; and looks each time whether a
/// database file was deleted under the server, which it reports and, for the log, mends
/// (<see cref="PersistenceSetup.RecoverDeletedLogAsync"/>) so that what is acknowledged from then on
/// survives a crash again.
/// </summary>
public sealed class WalCheckpoints(IServiceScopeFactory scopes, StorageFaults faults, IOptions<FrontOfficeOptions> options, ILogger<WalCheckpoints> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (faults.DeletedFiles() is { Count: > 0 } deleted)
                {
                    faults.FilesDeleted(deleted);
                    var recovered = await PersistenceSetup.RecoverDeletedLogAsync(PersistenceSetup.SqliteConnectionString(options.Value.DataDirectory), stoppingToken);
                    if (recovered)
                    {
                        CheckpointLog.Reopened(log, string.Join(", ", deleted));
                    }

                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                await PersistenceSetup.CheckpointAsync(scope.ServiceProvider.GetRequiredService<FrontOfficeDb>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CheckpointLog.Failed(log, e);
            }
        }
    }
}

internal static partial class CheckpointLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Background checkpoint failed; SQLite's automatic checkpoint still bounds the log")]
    public static partial void Failed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database files deleted while open ({Files}): the log was copied into the database and the connections are reopened")]
    public static partial void Reopened(ILogger logger, string files);
}
