using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>Checkpoints the SQLite log every two seconds, off the request path.</summary>
public sealed class WalCheckpoints(IServiceScopeFactory scopes, ILogger<WalCheckpoints> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
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
}
