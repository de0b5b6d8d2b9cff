using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>The public contract end to end: HTTP and a real SignalR client.</summary>
public sealed class ContractFlowTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed class Recorder
    {
        public ConcurrentQueue<(string Type, long Seq, object Event)> Events { get; } = new();

        public void Attach(HubConnection hub)
        {
            hub.On<TicketIssuedEvent>(nameof(IFrontOfficeClient.TicketIssued), e => Events.Enqueue((nameof(IFrontOfficeClient.TicketIssued), e.Seq, e)));
            hub.On<TicketCalledEvent>(nameof(IFrontOfficeClient.TicketCalled), e => Events.Enqueue((nameof(IFrontOfficeClient.TicketCalled), e.Seq, e)));
            hub.On<TicketRecalledEvent>(nameof(IFrontOfficeClient.TicketRecalled), e => Events.Enqueue((nameof(IFrontOfficeClient.TicketRecalled), e.Seq, e)));
            hub.On<TicketClosedEvent>(nameof(IFrontOfficeClient.TicketClosed), e => Events.Enqueue((nameof(IFrontOfficeClient.TicketClosed), e.Seq, e)));
            hub.On<QueueChangedEvent>(nameof(IFrontOfficeClient.QueueChanged), e => Events.Enqueue((nameof(IFrontOfficeClient.QueueChanged), e.Seq, e)));
        }

        public async Task WaitForAsync(Func<IReadOnlyCollection<(string Type, long Seq, object Event)>, bool> done)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!done(Events.ToArray()))
            {
                Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for hub events: " + string.Join(", ", Events.Select(e => e.Type)));
                await Task.Delay(20);
            }
        }
    }

    [Fact]
    public async Task Kiosk_issues_officer_calls_recalls_transfers_completes_and_the_hall_sees_it_in_order()
    {
        var energy = _hall.Service("energy");
        var water = _hall.Service("water");
        var energyDesk = _hall.DeskOf("energy");
        var waterDesk = _hall.DeskOf("water");
        var officer = await _app.OfficerAsync(_hall.Admin, "aigerim", energyDesk.Id);
        var waterOfficer = await _app.OfficerAsync(_hall.Admin, "daulet", waterDesk.Id);
        using var kiosk = _app.Client(_hall.Kiosk);
        using var desk = _app.Client(officer);
        using var waterDeskClient = _app.Client(waterOfficer);

        var recorder = new Recorder();
        await using var display = _app.Hub(_hall.Display);
        recorder.Attach(display);
        await display.StartAsync();

        // The officer opens the desk: from then on the energy queue has a desk that serves, and a wait.
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync(new Uri($"/api/desks/{energyDesk.Id}/open", UriKind.Relative), null)).StatusCode);
        var first = await kiosk.IssuedAsync(energy.Id);
        var second = await kiosk.IssuedAsync(energy.Id);
        Assert.Equal(WaitBases.Estimate, second.EstimatedWait.Basis);
        Assert.Equal($"{energy.TicketPrefix}-001", first.Number);
        Assert.Equal($"{energy.TicketPrefix}-002", second.Number);
        Assert.Equal(0, first.PeopleAhead);
        Assert.Equal(1, second.PeopleAhead);
        Assert.True(second.EstimatedWait.ToMinutes >= second.EstimatedWait.FromMinutes);
        Assert.True(second.EstimatedWait.ToMinutes > 0);

        var called = await desk.CalledAsync(energyDesk.Id);
        Assert.Equal(first.Id, called.Id);
        Assert.Equal("Called", called.State);
        Assert.Equal(energyDesk.Number, called.DeskNumber);

        var recalled = await (await desk.ActAsync(first.Id, "recall")).OkAsync<TicketDto>();
        Assert.Equal(1, recalled.RecallCount);

        _app.Clock.Advance(TimeSpan.FromMinutes(3));
        var transferred = await (await desk.ActAsync(first.Id, "transfer", new TransferTicketRequest(water.Id, "about the water meter"))).OkAsync<TicketDto>();
        Assert.Equal("Waiting", transferred.State);
        Assert.Equal(water.Id, transferred.ServiceId);
        Assert.Equal(first.Number, transferred.Number);

        // The transferred visitor keeps the original arrival: ahead of a newcomer at the water desk.
        var newcomer = await kiosk.IssuedAsync(water.Id);
        var atWater = await waterDeskClient.CalledAsync(waterDesk.Id);
        Assert.Equal(first.Id, atWater.Id);
        Assert.NotEqual(newcomer.Id, atWater.Id);

        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        var completed = await (await waterDeskClient.ActAsync(first.Id, "complete")).OkAsync<TicketDto>();
        Assert.Equal("Completed", completed.State);

        await recorder.WaitForAsync(events => events.Count(e => e.Type == nameof(IFrontOfficeClient.TicketClosed)) >= 2
            && events.Count(e => e.Type == nameof(IFrontOfficeClient.TicketCalled)) >= 2);
        var received = recorder.Events.ToArray();
        Assert.Equal(received.Select(e => e.Seq).Order(), received.Select(e => e.Seq));
        Assert.Equal(received.Length, received.Select(e => e.Seq).Distinct().Count());
        var kinds = received.Select(e => e.Type).Where(t => t != nameof(IFrontOfficeClient.QueueChanged)).ToList();
        Assert.Equal(
        [
            nameof(IFrontOfficeClient.TicketIssued), nameof(IFrontOfficeClient.TicketIssued),
            nameof(IFrontOfficeClient.TicketCalled), nameof(IFrontOfficeClient.TicketRecalled),
            nameof(IFrontOfficeClient.TicketClosed), nameof(IFrontOfficeClient.TicketIssued),
            nameof(IFrontOfficeClient.TicketCalled), nameof(IFrontOfficeClient.TicketClosed),
        ], kinds);
        var call = (TicketCalledEvent)received.First(e => e.Type == nameof(IFrontOfficeClient.TicketCalled)).Event;
        Assert.Equal(first.Number, call.TicketNumber);
        Assert.Equal(energyDesk.Number, call.DeskNumber);
    }

    [Fact]
    public async Task A_reconnecting_client_resyncs_from_the_snapshot_and_drops_older_events()
    {
        var energy = _hall.Service("energy");
        var energyDesk = _hall.DeskOf("energy");
        var officer = await _app.OfficerAsync(_hall.Admin, "bolat", energyDesk.Id);
        using var kiosk = _app.Client(_hall.Kiosk);
        using var desk = _app.Client(officer);

        var recorder = new Recorder();
        await using var display = _app.Hub(_hall.Display);
        recorder.Attach(display);
        await display.StartAsync();
        await kiosk.IssuedAsync(energy.Id);
        await recorder.WaitForAsync(e => e.Any(x => x.Type == nameof(IFrontOfficeClient.TicketIssued)));
        var lastSeen = recorder.Events.Max(e => e.Seq);

        // The display drops off the network; the hall goes on without it.
        await display.StopAsync();
        var missed = await kiosk.IssuedAsync(energy.Id);
        var calledWhileAway = await desk.CalledAsync(energyDesk.Id);

        await display.StartAsync();
        var snapshot = await display.InvokeAsync<SnapshotDto>(nameof(IFrontOfficeHub.GetSnapshot));
        Assert.True(snapshot.Seq > lastSeen, "the snapshot is newer than anything the display saw");
        Assert.Contains(snapshot.RecentCalls, c => c.TicketNumber == calledWhileAway.Number && c.DeskNumber == energyDesk.Number);
        Assert.Equal(1, snapshot.Queues.Single(q => q.ServiceId == energy.Id).Waiting);
        Assert.Equal(calledWhileAway.Number, snapshot.Desks.Single(d => d.DeskId == energyDesk.Id).CurrentTicket);
        Assert.NotEqual(missed.Id, calledWhileAway.Id);

        // Events after the snapshot arrive with a higher seq; a client keeps only those.
        var next = await kiosk.IssuedAsync(energy.Id);
        await recorder.WaitForAsync(e => e.Any(x => x.Event is TicketIssuedEvent i && i.TicketNumber == next.Number));
        var fresh = recorder.Events.Where(e => e.Seq > snapshot.Seq).ToList();
        Assert.Contains(fresh, e => e.Event is TicketIssuedEvent i && i.TicketNumber == next.Number);
        Assert.DoesNotContain(fresh, e => e.Event is TicketIssuedEvent i && i.TicketNumber == missed.Number);

        // The HTTP snapshot is the same resync for clients without a hub.
        using var displayHttp = _app.Client(_hall.Display);
        var httpSnapshot = await displayHttp.GetFromJsonAsync<SnapshotDto>("/api/snapshot");
        Assert.True(httpSnapshot!.Seq >= fresh.Max(e => e.Seq));
    }

    [Fact]
    public async Task Repeating_an_idempotency_key_returns_the_same_ticket_and_issues_nothing_more()
    {
        var energy = _hall.Service("energy");
        using var kiosk = _app.Client(_hall.Kiosk);
        var first = await kiosk.IssueAsync(energy.Id, key: "tap-1");
        var again = await kiosk.IssueAsync(energy.Id, key: "tap-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var a = await first.OkAsync<TicketDto>();
        var b = await again.OkAsync<TicketDto>();
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(a.Number, b.Number);
        var next = await kiosk.IssuedAsync(energy.Id);
        Assert.Equal($"{energy.TicketPrefix}-002", next.Number);
    }

    [Fact]
    public async Task Simultaneous_taps_with_one_key_make_one_ticket()
    {
        var energy = _hall.Service("energy");
        using var kiosk = _app.Client(_hall.Kiosk);
        for (var round = 0; round < 5; round++)
        {
            var key = $"double-tap-{round}";
            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => kiosk.IssueAsync(energy.Id, key: key)));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
            var tickets = await Task.WhenAll(responses.Select(r => r.OkAsync<TicketDto>()));
            Assert.Single(tickets.Select(t => t.Id).Distinct());
        }

        using var admin = _app.Client(_hall.Admin);
        var snapshot = await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot");
        Assert.Equal(5, snapshot!.Queues.Single(q => q.ServiceId == energy.Id).Waiting);
    }

    [Fact]
    public async Task A_second_click_on_call_next_does_not_skip_anyone()
    {
        var energy = _hall.Service("energy");
        var energyDesk = _hall.DeskOf("energy");
        var officer = await _app.OfficerAsync(_hall.Admin, "saule", energyDesk.Id);
        using var kiosk = _app.Client(_hall.Kiosk);
        using var desk = _app.Client(officer);
        var first = await kiosk.IssuedAsync(energy.Id);
        await kiosk.IssuedAsync(energy.Id);

        var click = await (await desk.CallNextAsync(energyDesk.Id, key: "click-1")).OkAsync<TicketDto>();
        var doubleClick = await (await desk.CallNextAsync(energyDesk.Id, key: "click-1")).OkAsync<TicketDto>();
        Assert.Equal(first.Id, click.Id);
        Assert.Equal(first.Id, doubleClick.Id);

        var recall = await (await SendKeyed(desk, first.Id, "recall", "r-1")).OkAsync<TicketDto>();
        var recallAgain = await (await SendKeyed(desk, first.Id, "recall", "r-1")).OkAsync<TicketDto>();
        Assert.Equal(1, recall.RecallCount);
        Assert.Equal(1, recallAgain.RecallCount);
    }

    private static Task<HttpResponseMessage> SendKeyed(HttpClient client, Guid id, string action, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/{action}") { Content = JsonContent.Create(new TicketActionRequest()) };
        request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_public_status_page_shows_position_then_desk_and_no_personal_data()
    {
        var energy = _hall.Service("energy");
        var energyDesk = _hall.DeskOf("energy");
        var officer = await _app.OfficerAsync(_hall.Admin, "nurlan", energyDesk.Id);
        using var kiosk = _app.Client(_hall.Kiosk);
        using var desk = _app.Client(officer);
        using var phone = _app.Client(Caller.Anonymous);
        await kiosk.IssuedAsync(energy.Id);
        var mine = await kiosk.IssuedAsync(energy.Id);

        var waiting = await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{mine.PublicId}");
        Assert.Equal("Waiting", waiting!.State);
        Assert.Equal(2, waiting.Position);
        Assert.Equal(1, waiting.PeopleAhead);
        Assert.Null(waiting.DeskNumber);

        await desk.CalledAsync(energyDesk.Id);
        var afterFirst = await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{mine.PublicId}");
        Assert.Equal(1, afterFirst!.Position);

        var unknown = await phone.GetAsync(new Uri("/api/public/tickets/not-a-ticket", UriKind.Relative));
        await unknown.ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownTicket);
        Assert.True(mine.PublicId.Length >= 22, "128 random bits");
    }
}
