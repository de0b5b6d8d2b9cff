using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;
using Xunit.Abstractions;

namespace OpenAlmaty.FrontOffice.Server.Tests;

public sealed class ConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Desks = 20;
    private const int Rounds = 50;

    private readonly FrontOfficeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Twenty_desks_calling_at_once_never_get_the_same_ticket_and_skip_nobody()
    {
        var hall = await Scenario.StartAsync(_app);
        var mediation = hall.Service("mediation");
        using var admin = _app.Client(hall.Admin);
        var deskIds = new List<int>();
        for (var i = 0; i < Desks; i++)
        {
            var created = await (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest($"M{i + 1}", [mediation.Id]))).OkAsync<CreatedDto>();
            deskIds.Add(created.Id);
        }

        var officer = await _app.OfficerAsync(hall.Admin, "mediator", [.. deskIds]);
        var desks = deskIds.Select(id => (Id: id, Client: _app.Client(officer))).ToList();
        foreach (var (id, client) in desks)
        {
            await (await client.PostAsync(new Uri($"/api/desks/{id}/open", UriKind.Relative), null)).OkAsync<DeskDto>();
        }

        using var kiosk = _app.Client(hall.Kiosk);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var issued = new List<TicketDto>();
        for (var i = 0; i < Desks * Rounds; i++)
        {
            issued.Add(await kiosk.IssuedAsync(mediation.Id));
        }

        output.WriteLine($"issued {issued.Count} in {clock.Elapsed}");
        clock.Restart();
        var called = new List<TicketDto>();
        for (var round = 0; round < Rounds; round++)
        {
            // All twenty requests leave together (a blocking barrier would starve the thread pool).
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var calls = desks.Select(async d =>
            {
                await start.Task;
                return await d.Client.CalledAsync(d.Id);
            }).ToList();
            start.SetResult();
            var thisRound = await Task.WhenAll(calls);

            // Nobody skipped: the round takes exactly the 20 longest-waiting visitors.
            Assert.Equal(issued.Skip(round * Desks).Take(Desks).Select(t => t.Id).Order(), thisRound.Select(t => t.Id).Order());
            Assert.Equal(Desks, thisRound.Select(t => t.DeskId).Distinct().Count());
            called.AddRange(thisRound);
            await Task.WhenAll(desks.Zip(thisRound).Select(async pair =>
                await (await pair.First.Client.ActAsync(pair.Second.Id, "complete")).OkAsync<TicketDto>()));
        }

        output.WriteLine($"called and completed {called.Count} in {clock.Elapsed}");
        Assert.Equal(issued.Count, called.Select(t => t.Id).Distinct().Count());
        Assert.Equal(HttpStatusCode.NoContent, (await desks[0].Client.CallNextAsync(desks[0].Id)).StatusCode);
        foreach (var (_, client) in desks)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Two_officers_clicking_call_next_together_on_one_service_get_two_different_visitors()
    {
        var hall = await Scenario.StartAsync(_app);
        var energy = hall.Service("energy");
        using var admin = _app.Client(hall.Admin);
        var second = await (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest("E2", [energy.Id]))).OkAsync<CreatedDto>();
        var deskA = hall.DeskOf("energy").Id;
        var aigerim = await _app.OfficerAsync(hall.Admin, "aigerim", deskA);
        var bolat = await _app.OfficerAsync(hall.Admin, "bolat", second.Id);
        using var bolatHttp = _app.Client(bolat);
        await (await bolatHttp.PostAsync(new Uri($"/api/desks/{second.Id}/open", UriKind.Relative), null)).OkAsync<DeskDto>();
        using var aigerimHttp = _app.Client(aigerim);
        await aigerimHttp.PostAsync(new Uri($"/api/desks/{deskA}/open", UriKind.Relative), null);
        await using var aigerimHub = _app.Hub(aigerim);
        await aigerimHub.StartAsync();

        using var kiosk = _app.Client(hall.Kiosk);
        var issued = new List<TicketDto>();
        for (var i = 0; i < 20; i++)
        {
            issued.Add(await kiosk.IssuedAsync(energy.Id));
        }

        var seen = new List<Guid>();
        for (var round = 0; round < 10; round++)
        {
            // One over the hub, one over HTTP, at the same moment.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var viaHub = Task.Run(async () =>
            {
                await start.Task;
                return (await Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync<TicketDto?>(
                    aigerimHub, nameof(IFrontOfficeHub.CallNext), deskA, Guid.NewGuid().ToString()))!;
            });
            var viaHttp = Task.Run(async () =>
            {
                await start.Task;
                return await bolatHttp.CalledAsync(second.Id);
            });
            start.SetResult();
            var (a, b) = (await viaHub, await viaHttp);
            Assert.NotEqual(a.Id, b.Id);
            Assert.Equal(issued.Skip(round * 2).Take(2).Select(t => t.Id).Order(), new[] { a.Id, b.Id }.Order());
            seen.AddRange([a.Id, b.Id]);
            await (await aigerimHttp.ActAsync(a.Id, "complete")).OkAsync<TicketDto>();
            await (await bolatHttp.ActAsync(b.Id, "complete")).OkAsync<TicketDto>();
        }

        Assert.Equal(20, seen.Distinct().Count());
    }
}
