using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>
/// A hub connection is authorized once, when it opens, and then lasts as long as the kiosk, display
/// or console keeps it: without this a revoked display kept receiving calls and a locked officer
/// kept calling for minutes. Every invocation asks <see cref="CallerPowers"/> first, and every
/// <see cref="CallerPowers.Watch"/> the server closes each open connection whose caller may no
/// longer act, so a connection that only listens ends too. The client's reconnect then meets the
/// refusal at the door (401).
/// </summary>
public sealed partial class HubPowers(IServiceScopeFactory scopes, CallerPowers powers, ILogger<HubPowers> log)
    : BackgroundService, IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _open[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (await powers.RefusalAsync(invocationContext.Context.User ?? new(), invocationContext.ServiceProvider, invocationContext.Context.ConnectionAborted) is { } refusal)
        {
            invocationContext.Context.Abort();
            throw new HubException(refusal);
        }

        return await next(invocationContext);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CallerPowers.Watch); // wall time, like the circuits' watch
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseRefusedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that does not answer once is no revocation: the next round asks again.
                LogCheckFailed(log, e);
            }
        }
    }

    /// <summary>One round of the watch: closes every open connection whose caller has lost its powers.</summary>
    public async Task CloseRefusedAsync(CancellationToken ct)
    {
        if (_open.IsEmpty)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        foreach (var connection in _open.Values)
        {
            if (await powers.RefusalAsync(connection.User ?? new(), scope.ServiceProvider, ct) is { } refusal)
            {
                LogClosed(log, connection.ConnectionId, refusal);
                _open.TryRemove(connection.ConnectionId, out _);
                connection.Abort();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed hub connection {ConnectionId}: {Refusal}")]
    private static partial void LogClosed(ILogger logger, string connectionId, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the open hub connections' powers; checking again next round")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
