using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Realtime;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// One event spine: the transaction that writes events wakes the dispatcher, hub clients get each
/// <c>seq</c> once and in order, and in-process subscribers run on their own: one that throws
/// neither stalls nor repeats anything, and a late one catches up from the seq it names.
/// </summary>
public sealed class EventSpineTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_subscriber_that_throws_makes_no_hub_client_get_an_event_twice()
    {
        var feed = _app.Services.GetRequiredService<HallFeed>();
        using var failing = feed.Subscribe(feed.LastSeq, _ => throw new InvalidOperationException("a broken screen"));
        var healthy = new ConcurrentQueue<long>();
        using var following = feed.Subscribe(feed.LastSeq, e => healthy.Enqueue(e.Seq));

        var seqs = new ConcurrentQueue<long>();
        await using var display = _app.Hub(_hall.Display);
        display.On<TicketIssuedEvent>(nameof(IFrontOfficeClient.TicketIssued), e => seqs.Enqueue(e.Seq));
        display.On<QueueChangedEvent>(nameof(IFrontOfficeClient.QueueChanged), e => seqs.Enqueue(e.Seq));
        await display.StartAsync();

        using var kiosk = _app.Client(_hall.Kiosk);
        for (var i = 0; i < 5; i++)
        {
            await kiosk.IssuedAsync(_hall.Service("energy").Id);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((seqs.Count < 10 || healthy.Count < 10) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // Give a repeat the time it would need to show up.
        await Task.Delay(1500);
        var received = seqs.ToArray();
        Assert.Equal(10, received.Length);
        Assert.Equal(received.Order(), received);
        Assert.Equal(received.Distinct().Count(), received.Length);
        Assert.Equal(Enumerable.Range((int)received[0], 10).Select(s => (long)s), received);
        Assert.Equal(received, healthy.ToArray());
    }

    [Fact]
    public async Task A_subscriber_that_names_an_older_seq_gets_what_it_missed_once_in_order()
    {
        var feed = _app.Services.GetRequiredService<HallFeed>();
        var before = feed.LastSeq;
        using var kiosk = _app.Client(_hall.Kiosk);
        await kiosk.IssuedAsync(_hall.Service("energy").Id);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (feed.LastSeq < before + 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // A page that read its state at `before` subscribes only now: the two events since are replayed.
        var got = new ConcurrentQueue<IHallEvent>();
        using var late = feed.Subscribe(before, got.Enqueue);
        await kiosk.IssuedAsync(_hall.Service("energy").Id);
        while (got.Count < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(Enumerable.Range((int)before + 1, 4).Select(s => (long)s), got.Select(e => e.Seq));
        Assert.IsType<TicketIssuedEvent>(got.First());
    }
}
