using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>Every refusal is a 4xx problem+json with a stable type, and changes nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;
    private Caller _officer = null!;
    private Caller _otherOfficer = null!;
    private ServiceDto _energy = null!;
    private DeskDto _desk = null!;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        _energy = _hall.Service("energy");
        _desk = _hall.DeskOf("energy");
        _officer = await _app.OfficerAsync(_hall.Admin, "officer-a", _desk.Id);
        _otherOfficer = await _app.OfficerAsync(_hall.Admin, "officer-b", _hall.DeskOf("water").Id);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(long Seq, int Waiting)> StateAsync()
    {
        using var client = _app.Client(_hall.Admin);
        var snapshot = (await client.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        return (snapshot.Seq, snapshot.Queues.Sum(q => q.Waiting));
    }

    [Fact]
    public async Task Unknown_service_is_refused_in_the_callers_language()
    {
        var before = await StateAsync();
        using var kiosk = _app.Client(_hall.Kiosk, language: "ru-RU");
        var problem = await (await kiosk.IssueAsync(9999)).ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownService);
        Assert.Equal("Такой услуги нет", problem.GetProperty("title").GetString());
        using var kazakh = _app.Client(_hall.Kiosk, language: "kk");
        var kk = await (await kazakh.IssueAsync(9999)).ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownService);
        Assert.Equal("Мұндай қызмет жоқ", kk.GetProperty("title").GetString());
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Closed_service_is_refused_with_its_hours()
    {
        _app.Clock.Advance(TimeSpan.FromHours(9)); // 19:00 in Almaty: the hall has closed
        try
        {
            var before = await StateAsync();
            using var kiosk = _app.Client(_hall.Kiosk);
            var problem = await (await kiosk.IssueAsync(_energy.Id)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.ServiceClosed);
            Assert.Contains("09:00-18:00", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(before, await StateAsync());
        }
        finally
        {
            _app.Clock.Advance(TimeSpan.FromHours(15)); // next morning
        }
    }

    [Fact]
    public async Task Closed_desk_cannot_call()
    {
        using var desk = _app.Client(_officer);
        using var kiosk = _app.Client(_hall.Kiosk);
        await kiosk.IssuedAsync(_energy.Id);
        await (await desk.PostAsJsonAsync($"/api/desks/{_desk.Id}/close", new CloseDeskRequest("lunch"))).OkAsync<DeskDto>();
        try
        {
            var before = await StateAsync();
            await (await desk.CallNextAsync(_desk.Id)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.DeskClosed);
            Assert.Equal(before.Waiting, (await StateAsync()).Waiting);
        }
        finally
        {
            await desk.PostAsync(new Uri($"/api/desks/{_desk.Id}/open", UriKind.Relative), null);
        }
    }

    [Fact]
    public async Task Action_in_the_wrong_state_is_refused_and_the_ticket_stays()
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        using var desk = _app.Client(_officer);
        var ticket = await kiosk.IssuedAsync(_energy.Id);
        await (await desk.ActAsync(ticket.Id, "complete")).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.TicketWrongState);
        await (await desk.ActAsync(ticket.Id, "recall")).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.TicketWrongState);
        using var phone = _app.Client(Caller.Anonymous);
        var status = await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}");
        Assert.Equal("Waiting", status!.State);
    }

    [Fact]
    public async Task Another_desks_ticket_is_not_yours()
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        using var desk = _app.Client(_officer);
        using var other = _app.Client(_otherOfficer);
        await kiosk.IssuedAsync(_energy.Id);
        var called = await desk.CalledAsync(_desk.Id);
        await (await other.ActAsync(called.Id, "complete")).ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.NotYourDesk);
        await (await other.CallNextAsync(_desk.Id)).ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.NotYourDesk);
        var still = await (await desk.ActAsync(called.Id, "complete")).OkAsync<TicketDto>();
        Assert.Equal("Completed", still.State);
    }

    [Fact]
    public async Task Stale_concurrency_token_is_refused()
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        using var desk = _app.Client(_officer);
        await kiosk.IssuedAsync(_energy.Id);
        var called = await desk.CalledAsync(_desk.Id);
        var recalled = await (await desk.ActAsync(called.Id, "recall", new TicketActionRequest(called.Version))).OkAsync<TicketDto>();
        await (await desk.ActAsync(called.Id, "complete", new TicketActionRequest(called.Version)))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.StaleVersion);
        var done = await (await desk.ActAsync(called.Id, "complete", new TicketActionRequest(recalled.Version))).OkAsync<TicketDto>();
        Assert.Equal("Completed", done.State);
    }

    [Fact]
    public async Task Malformed_json_oversized_bodies_and_unknown_enums_are_refused()
    {
        var before = await StateAsync();
        using var kiosk = _app.Client(_hall.Kiosk);

        await (await PostRaw(kiosk, "{ \"serviceId\": ")).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        await (await PostRaw(kiosk, $"{{ \"serviceId\": {_energy.Id}, \"language\": \"fr\" }}")).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        await (await PostRaw(kiosk, $"{{ \"serviceId\": {_energy.Id}, \"priority\": 7 }}")).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        var huge = $"{{ \"serviceId\": {_energy.Id}, \"pad\": \"{new string('x', 100_000)}\" }}";
        await (await PostRaw(kiosk, huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);

        var noKey = await kiosk.PostAsJsonAsync("/api/tickets", new IssueTicketRequest(_energy.Id));
        await noKey.ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.IdempotencyKeyMissing);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Admin_roster_edits_that_would_break_the_queue_are_refused()
    {
        using var admin = _app.Client(_hall.Admin);
        var water = _hall.Service("water");
        var update = new UpdateServiceRequest(_energy.TicketPrefix, "Энергетика", "Энергетика", "Energy", "Mon-Fri 09:00-18:00", 2, 3, 15, 15);
        await (await admin.PutAsJsonAsync($"/api/admin/services/{water.Id}", update))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.DuplicatePrefix);
        await (await admin.PutAsJsonAsync($"/api/admin/services/{water.Id}", update with { TicketPrefix = "Q1", Hours = "every day" }))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidHours);
        await (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest("99", [])))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);

        using var kiosk = _app.Client(_hall.Kiosk);
        await kiosk.IssuedAsync(water.Id);
        var waterAgency = _hall.Roster.Agencies.Single(a => a.Services.Any(s => s.Id == water.Id));
        await (await admin.DeleteAsync(new Uri($"/api/admin/agencies/{waterAgency.Id}", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.AgencyHasWaitingTickets);

        var roster = await _app.RosterAsync(_hall.Admin);
        var unchanged = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Id == water.Id);
        Assert.Equal(water.TicketPrefix, unchanged.TicketPrefix);
        Assert.Equal(water.Hours, unchanged.Hours);
        Assert.False(roster.Agencies.Single(a => a.Id == waterAgency.Id).Retired);
    }

    [Fact]
    public async Task A_service_cannot_be_retired_under_a_desk_it_is_the_only_service_of_and_a_walk_in_cap_holds()
    {
        using var admin = _app.Client(_hall.Admin);
        var police = _hall.Service("police");
        (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest("P9", [police.Id]))).EnsureSuccessStatusCode();
        var body = await (await admin.DeleteAsync(new Uri($"/api/admin/services/{police.Id}", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.DeskWithoutService);
        Assert.Contains("P9", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await _app.RosterAsync(_hall.Admin)).Agencies.SelectMany(a => a.Services).Single(s => s.Id == police.Id).Retired);

        // Two walk-ins a day: the third is refused plainly, and nothing is numbered for it.
        var capped = new UpdateServiceRequest(police.TicketPrefix, police.NameKk, police.NameRu, police.NameEn, "Mon-Fri 09:00-18:00", 2, 3, 15, 15,
            WalkInDailyCap: 2, TargetWaitMinutes: 20);
        (await admin.PutAsJsonAsync($"/api/admin/services/{police.Id}", capped)).EnsureSuccessStatusCode();
        using var kiosk = _app.Client(_hall.Kiosk, language: "ru-RU");
        await kiosk.IssuedAsync(police.Id);
        await kiosk.IssuedAsync(police.Id);
        var refused = await (await kiosk.IssueAsync(police.Id)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.WalkInCapReached);
        Assert.Contains("Талоны на сегодня закончились", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        var service = (await _app.RosterAsync(_hall.Admin)).Agencies.SelectMany(a => a.Services).Single(s => s.Id == police.Id);
        Assert.Equal((2, 20), (service.WalkInDailyCap, service.TargetWaitMinutes));
        await (await admin.PutAsJsonAsync($"/api/admin/services/{police.Id}", capped with { WalkInDailyCap = 0 }))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);

        // Renaming an agency reaches the roster.
        var agency = _hall.Roster.Agencies.Single(a => a.Services.Any(s => s.Id == police.Id));
        (await admin.PutAsJsonAsync($"/api/admin/agencies/{agency.Id}", new UpdateAgencyRequest("Полиция департаменті", agency.NameRu, agency.NameEn, null))).EnsureSuccessStatusCode();
        var renamed = (await _app.RosterAsync(_hall.Admin)).Agencies.Single(a => a.Id == agency.Id);
        Assert.Equal("Полиция департаменті", renamed.NameKk);
        Assert.Equal(agency.Topics, renamed.Topics); // topics left as they were
    }

    [Fact]
    public async Task A_revoked_kiosk_cannot_issue()
    {
        var kioskCaller = await _app.EnrolAsync(_hall.Admin, DeviceKindDto.Kiosk, "Kiosk to revoke");
        using var admin = _app.Client(_hall.Admin);
        var devices = await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices");
        var device = devices!.Single(d => d.Name == "Kiosk to revoke");
        using var kiosk = _app.Client(kioskCaller);
        await kiosk.IssuedAsync(_energy.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/admin/devices/{device.Id}", UriKind.Relative))).StatusCode);
        await (await kiosk.IssueAsync(_energy.Id)).ProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    private static Task<HttpResponseMessage> PostRaw(HttpClient client, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
