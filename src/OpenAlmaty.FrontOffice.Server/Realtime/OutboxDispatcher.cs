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
/// they need no SignalR connection to their own host. A subscriber names the last <c>seq</c> it
/// has (its snapshot's): what it missed is replayed from a window of recent events, then it
/// follows. Each subscriber has its own queue and runs on its own, outside the dispatcher: a slow
/// or failing one delays or repeats nothing for anyone else.
/// </summary>
public sealed class HallFeed(ILogger<HallFeed> log)
{
    /// <summary>How many recent events a late subscriber can catch up on.</summary>
    public const int ReplayWindow = 4096;

    private readonly Lock _gate = new();
    private readonly LinkedList<IHallEvent> _recent = new();
    private readonly List<Subscription> _subscribers = [];

    /// <summary>The newest event published; a page that subscribes before it loads passes this.</summary>
    public long LastSeq { get; private set; }

    /// <summary>Called by the dispatcher in <c>seq</c> order; never blocks and never throws.</summary>
    public void Publish(IHallEvent e)
    {
        lock (_gate)
        {
            _recent.AddLast(e);
            if (_recent.Count > ReplayWindow)
            {
                _recent.RemoveFirst();
            }

            LastSeq = e.Seq;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(e);
            }
        }
    }

    /// <summary>Delivers every event after <paramref name="afterSeq"/>, once and in order, until disposed.</summary>
    public IDisposable Subscribe(long afterSeq, Action<IHallEvent> onEvent)
    {
        var subscription = new Subscription(this, onEvent, log);
        lock (_gate)
        {
            if (_recent.First is { } oldest && oldest.Value.Seq > afterSeq + 1 && afterSeq > 0)
            {
                log.LogWarning("A subscriber asked for events after {Seq}; the feed keeps them from {Oldest}", afterSeq, oldest.Value.Seq);
            }

            foreach (var e in _recent.Where(e => e.Seq > afterSeq))
            {
                subscription.Offer(e);
            }

            _subscribers.Add(subscription);
        }

        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly System.Threading.Channels.Channel<IHallEvent> _queue =
            System.Threading.Channels.Channel.CreateUnbounded<IHallEvent>(new() { SingleReader = true });

        private readonly HallFeed _feed;

        public Subscription(HallFeed feed, Action<IHallEvent> onEvent, ILogger log)
        {
            _feed = feed;
            _ = Task.Run(async () =>
            {
                await foreach (var e in _queue.Reader.ReadAllAsync())
                {
                    try
                    {
                        onEvent(e);
                    }
                    catch (Exception ex)
                    {
                        log.LogError(ex, "A hall-event subscriber failed on event {Seq}", e.Seq);
                    }
                }
            });
        }

        public void Offer(IHallEvent e) => _queue.Writer.TryWrite(e);

        public void Dispose()
        {
            _feed.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}
