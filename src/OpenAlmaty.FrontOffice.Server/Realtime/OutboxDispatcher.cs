using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>
/// Publishes committed outbox events to hub clients and in-process listeners, strictly in
/// <c>seq</c> order and one at a time. Woken by each commit; also polls once a second so events
/// written by another server instance are not left behind.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IHubContext<FrontOfficeHub, IFrontOfficeClient> hub, HallFeed feed, ILogger<OutboxDispatcher> log)
    : BackgroundService, IOutboxSignal
{
    private const int Batch = 500;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _published;

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the pending pass will read this event too.
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Read where the log ends before the server takes requests: events from earlier runs
        // are history (clients resync from a snapshot), events from now on are all published.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        _published = await db.OutboxEvents.MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                while (await PublishBatchAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Publishing hub events failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        var rows = await db.OutboxEvents.AsNoTracking().Where(e => e.Seq > _published)
            .OrderBy(e => e.Seq).Take(Batch).ToListAsync(ct);
        foreach (var row in rows)
        {
            var e = Outbox.Decode(row);
            await Outbox.SendAsync(hub.Clients.All, e);
            feed.Publish(e);
            _published = row.Seq;
        }

        return rows.Count;
    }
}

/// <summary>
/// The same events, in the same order, for components inside the server (Blazor screens), so
/// they need no SignalR connection to their own host.
/// </summary>
public sealed class HallFeed
{
    public event Action<object>? Published;

    public void Publish(object e) => Published?.Invoke(e);

    /// <summary>Follows the events until the returned handle is disposed (for libraries that hand out a subscription).</summary>
    public IDisposable Subscribe(Action<object> onEvent)
    {
        Published += onEvent;
        return new Subscription(() => Published -= onEvent);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
