using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// Catch-up by seq: a client that was away asks the hub (<c>GetEventsAfter</c>) or the API
/// (<c>GET /api/events?afterSeq=</c>) for what it missed, and gets every event of the day after its seq,
/// in order, with no gap, a page at a time: the calls made and closed meanwhile too, which no snapshot lists.
/// </summary>
public sealed class CatchUpTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_display_that_was_away_gets_every_event_it_missed_in_order_with_no_gap_from_the_hub_and_the_api()
    {
        var energy = _hall.Service("energy");
        var desk = _hall.DeskOf("energy");
        var officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "aigerim", desk.Id));
        using var kiosk = _app.Client(_hall.Kiosk);

        // A display that stays connected writes down what it hears live: the catch-up must be the same list.
        var live = new ConcurrentQueue<IHallEvent>();
        await using var watcher = _app.Hub(_hall.Display);
        watcher.On<TicketIssuedEvent>(nameof(IFrontOfficeClient.TicketIssued), live.Enqueue);
        watcher.On<TicketCalledEvent>(nameof(IFrontOfficeClient.TicketCalled), live.Enqueue);
        watcher.On<TicketClosedEvent>(nameof(IFrontOfficeClient.TicketClosed), live.Enqueue);
        watcher.On<QueueChangedEvent>(nameof(IFrontOfficeClient.QueueChanged), live.Enqueue);
        await watcher.StartAsync();

        await using var display = _app.Hub(_hall.Display);
        await display.StartAsync();
        var snapshot = await display.InvokeAsync<SnapshotDto>(nameof(IFrontOfficeHub.GetSnapshot));
        await display.StopAsync();

        // While it is away: visitors come, two are called and served, a third is called.
        var issued = new List<TicketDto>();
        for (var i = 0; i < 3; i++)
        {
            issued.Add(await kiosk.IssuedAsync(energy.Id));
        }

        var first = await officer.CalledAsync(desk.Id);
        (await officer.ActAsync(first.Id, "complete")).EnsureSuccessStatusCode();
        var second = await officer.CalledAsync(desk.Id);
        (await officer.ActAsync(second.Id, "complete")).EnsureSuccessStatusCode();
        var third = await officer.CalledAsync(desk.Id);

        // The served visitors are in no snapshot: only the catch-up tells of their calls.
        using var displayHttp = _app.Client(_hall.Display);
        var now = (await displayHttp.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        Assert.DoesNotContain(now.RecentCalls, c => c.TicketNumber == first.Number || c.TicketNumber == second.Number);

        await display.StartAsync();
        var caught = await display.InvokeAsync<HallEventsDto>(nameof(IFrontOfficeHub.GetEventsAfter), snapshot.Seq);
        Assert.False(caught.More);
        var seqs = caught.Events.Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range((int)snapshot.Seq + 1, seqs.Count).Select(s => (long)s), seqs);
        Assert.Equal(caught.LatestSeq, seqs[^1]);
        Assert.Equal([first.Number, second.Number, third.Number], caught.Events.OfType<TicketCalledEvent>().Select(c => c.TicketNumber));
        Assert.Equal(desk.Number, caught.Events.OfType<TicketCalledEvent>().First().DeskNumber);
        Assert.Equal([first.Number, second.Number], caught.Events.OfType<TicketClosedEvent>().Select(c => c.TicketNumber));
        Assert.Equal(issued.Select(t => t.Number), caught.Events.OfType<TicketIssuedEvent>().Select(t => t.TicketNumber));

        // The same events as those heard live, each with its own kind and seq.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (live.Count < seqs.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(live.Select(e => (e.GetType(), e.Seq)), caught.Events.Select(e => (e.GetType(), e.Seq)));
        Assert.Equal(live.OfType<TicketCalledEvent>(), caught.Events.OfType<TicketCalledEvent>());

        // The API gives the same answer, each event named by the hub method that delivers it live.
        var overHttp = (await displayHttp.GetFromJsonAsync<HallEventsDto>($"/api/events?afterSeq={snapshot.Seq}"))!;
        Assert.Equal(caught.Events, overHttp.Events);
        var lastCall = caught.Events.OfType<TicketCalledEvent>().Last();
        var raw = await displayHttp.GetStringAsync($"/api/events?afterSeq={lastCall.Seq - 1}");
        Assert.StartsWith($"{{\"events\":[{{\"type\":\"{nameof(IFrontOfficeClient.TicketCalled)}\",\"seq\":{lastCall.Seq},", raw, StringComparison.Ordinal);

        // From a later seq, only what followed it; from the newest, nothing.
        var tail = await display.InvokeAsync<HallEventsDto>(nameof(IFrontOfficeHub.GetEventsAfter), seqs[2]);
        Assert.Equal(seqs.Skip(3), tail.Events.Select(e => e.Seq));
        Assert.Empty((await display.InvokeAsync<HallEventsDto>(nameof(IFrontOfficeHub.GetEventsAfter), caught.LatestSeq)).Events);
    }

    [Fact]
    public async Task A_long_absence_is_caught_up_a_page_at_a_time_and_only_for_today()
    {
        var energy = _hall.Service("energy");
        using var kiosk = _app.Client(_hall.Kiosk);
        using var display = _app.Client(_hall.Display);
        var from = (await display.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!.Seq;

        // Each ticket writes two events (issued, queue changed): more than a page.
        for (var batch = 0; batch < 27; batch++)
        {
            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => kiosk.IssuedAsync(energy.Id)));
        }

        var pages = new List<HallEventsDto>();
        var after = from;
        do
        {
            pages.Add((await display.GetFromJsonAsync<HallEventsDto>($"/api/events?afterSeq={after}"))!);
            after = pages[^1].Events[^1].Seq;
        }
        while (pages[^1].More);

        Assert.Equal(2, pages.Count);
        Assert.Equal(HallEventsDto.PageSize, pages[0].Events.Count);
        var seqs = pages.SelectMany(p => p.Events).Select(e => e.Seq).ToList();
        Assert.Equal(540, seqs.Count);
        Assert.Equal(Enumerable.Range((int)from + 1, 540).Select(s => (long)s), seqs);

        // After midnight in Almaty yesterday's events are not replayed (they are still kept, for a week);
        // the night's housekeeping may write today's first ones.
        _app.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = (await display.GetFromJsonAsync<HallEventsDto>("/api/events?afterSeq=0"))!;
        Assert.DoesNotContain(tomorrow.Events, e => e.Seq <= seqs[^1]);
        Assert.False(tomorrow.More);
        Assert.True(tomorrow.LatestSeq >= seqs[^1]);
    }

    [Theory]
    [InlineData("/api/events")]
    [InlineData("/api/events?afterSeq=")]
    [InlineData("/api/events?afterSeq=-1")]
    [InlineData("/api/events?afterSeq=abc")]
    [InlineData("/api/events?afterSeq=1.5")]
    [InlineData("/api/events?afterSeq=99999999999999999999")]
    public async Task A_bad_afterSeq_is_refused_with_a_problem_in_the_callers_language(string path)
    {
        using var russian = _app.Client(_hall.Display, "ru");
        var problem = await (await russian.GetAsync(path)).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidSeq);
        Assert.Equal("Неверный afterSeq: нужно целое число, 0 или больше", problem.GetProperty("title").GetString());
        using var kazakh = _app.Client(_hall.Display, "kk");
        var inKazakh = await (await kazakh.GetAsync(path)).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidSeq);
        Assert.Equal("afterSeq қате: 0 немесе одан үлкен бүтін сан болуы керек", inKazakh.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_negative_seq_is_refused_on_the_hub_too()
    {
        await using var display = _app.Hub(_hall.Display);
        await display.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => display.InvokeAsync<HallEventsDto>(nameof(IFrontOfficeHub.GetEventsAfter), -1L));
        Assert.Contains(ProblemTypes.InvalidSeq, refused.Message, StringComparison.Ordinal);
    }
}
