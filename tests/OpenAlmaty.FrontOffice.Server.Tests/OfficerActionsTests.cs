using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>The officer's actions through HTTP, on a fake clock.</summary>
public sealed class OfficerActionsTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;
    private ServiceDto _energy = null!;
    private DeskDto _desk = null!;
    private HttpClient _kiosk = null!;
    private HttpClient _officer = null!;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        _energy = _hall.Service("energy");
        _desk = _hall.DeskOf("energy");
        _kiosk = _app.Client(_hall.Kiosk);
        _officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "actions-officer", _desk.Id));
    }

    public async Task DisposeAsync()
    {
        _kiosk.Dispose();
        _officer.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Recalled_past_the_limit_becomes_a_no_show_who_may_rejoin_within_fifteen_minutes()
    {
        var ticket = await _kiosk.IssuedAsync(_energy.Id);
        var later = await _kiosk.IssuedAsync(_energy.Id);
        Assert.Equal(ticket.Id, (await _officer.CalledAsync(_desk.Id)).Id);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(i, (await (await _officer.ActAsync(ticket.Id, "recall")).OkAsync<TicketDto>()).RecallCount);
        }

        var noShow = await (await _officer.ActAsync(ticket.Id, "recall")).OkAsync<TicketDto>();
        Assert.Equal("NoShow", noShow.State);
        using (var phone = _app.Client(Caller.Anonymous))
        {
            // The phone page says where and until when: the desk that called, the service's window.
            var status = (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}"))!;
            Assert.Equal((_desk.Number, 15, "kk"), (status.RejoinDeskNumber, status.RejoinWindowMinutes, status.Language));
            Assert.InRange(status.RejoinUntil!.Value - _app.Clock.GetUtcNow(), TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
            Assert.Null(status.DeskNumber);
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        var back = await (await _officer.ActAsync(ticket.Id, "rejoin")).OkAsync<TicketDto>();
        Assert.Equal("Waiting", back.State);
        Assert.Equal(0, back.PeopleAhead); // arrival kept: ahead of the ticket issued after it

        var again = await _officer.CalledAsync(_desk.Id);
        Assert.Equal(ticket.Id, again.Id);
        await (await _officer.ActAsync(ticket.Id, "no-show")).OkAsync<TicketDto>();
        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        await (await _officer.ActAsync(ticket.Id, "rejoin")).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RejoinWindowPassed);

        Assert.Equal(later.Id, (await _officer.CalledAsync(_desk.Id)).Id);
        await (await _officer.ActAsync(later.Id, "complete")).OkAsync<TicketDto>();
    }

    [Fact]
    public async Task Completion_records_outcome_topic_and_ksk_and_refuses_a_bad_record_without_changing_anything()
    {
        var ticket = await _kiosk.IssuedAsync(_energy.Id);
        await _officer.CalledAsync(_desk.Id);
        var complete = new Uri($"/api/tickets/{ticket.Id}/complete", UriKind.Relative);

        await (await _officer.PostAsJsonAsync(complete, new CompleteTicketRequest("resolved", "energy", KskName: "КСК «Самал»")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await _officer.PostAsJsonAsync(complete, new CompleteTicketRequest("fixed-it", "housing")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await _officer.PostAsJsonAsync(complete, new CompleteTicketRequest("consulted", "housing", Note: new string('x', 1001))))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        using var phone = _app.Client(Caller.Anonymous);
        Assert.Equal("Called", (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}"))!.State);

        var done = await (await _officer.PostAsJsonAsync(complete, new CompleteTicketRequest("consulted", "housing", "  КСК   «Самал» ", "Су жоқ / нет воды")))
            .OkAsync<TicketDto>();
        Assert.Equal("Completed", done.State);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAlmaty.FrontOffice.Persistence.FrontOfficeDb>();
        var stored = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id);
        Assert.Equal((Domain.Tickets.VisitOutcome.Consulted, Domain.Tickets.VisitTopic.Housing, "КСК «Самал»", "Су жоқ / нет воды"),
            (stored.Outcome, stored.Topic, stored.KskName, stored.OutcomeNote));
    }

    [Fact]
    public async Task Calling_out_of_order_needs_a_reason_which_is_kept_with_the_call()
    {
        var first = await _kiosk.IssuedAsync(_energy.Id);
        var second = await _kiosk.IssuedAsync(_energy.Id);
        var call = new Uri($"/api/desks/{_desk.Id}/call", UriKind.Relative);
        await (await _officer.PostAsJsonAsync(call, new CallTicketRequest(second.Id, "  "))).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await _officer.PostAsJsonAsync(call, new CallTicketRequest(Guid.NewGuid(), "ветеран"))).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.TicketWrongState);

        var called = await (await _officer.PostAsJsonAsync(call, new CallTicketRequest(second.Id, "ветеран войны / соғыс ардагері"))).OkAsync<TicketDto>();
        Assert.Equal((second.Id, "Called"), (called.Id, called.State));
        var console = await _officer.GetFromJsonAsync<DeskConsoleDto>($"/api/desks/{_desk.Id}/console");
        Assert.Equal(("chosen-by-officer", "ветеран войны / соғыс ардагері"), (console!.Current!.CallRule, console.Current.OfficerReason));
        Assert.Equal([first.Number], console.Waiting.Select(w => w.Number));
    }

    [Fact]
    public async Task A_visitor_sent_to_a_named_desk_is_called_there_and_by_any_desk_once_it_closes()
    {
        using var admin = _app.Client(_hall.Admin);
        var water = _hall.Service("water");
        var first = _hall.DeskOf("water");
        var second = (await (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest("W2", [water.Id]))).OkAsync<CreatedDto>()).Id;
        using var atFirst = _app.Client(await _app.OfficerAsync(_hall.Admin, "water-first", first.Id));
        using var atSecond = _app.Client(await _app.OfficerAsync(_hall.Admin, "water-second", second));
        foreach (var (client, desk) in new[] { (atFirst, first.Id), (atSecond, second) })
        {
            (await client.PostAsync(new Uri($"/api/desks/{desk}/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }

        var sent = await _kiosk.IssuedAsync(_energy.Id);
        await _officer.PostAsync(new Uri($"/api/desks/{_desk.Id}/open", UriKind.Relative), null);
        Assert.Equal(sent.Id, (await _officer.CalledAsync(_desk.Id)).Id);
        await (await _officer.ActAsync(sent.Id, "transfer", new TransferTicketRequest(water.Id, "счётчик", null, _desk.Id)))
            .ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownDesk); // that desk does not serve water
        (await _officer.ActAsync(sent.Id, "transfer", new TransferTicketRequest(water.Id, "счётчик", null, second))).EnsureSuccessStatusCode();

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var newcomer = await _kiosk.IssuedAsync(water.Id);
        Assert.Equal(newcomer.Id, (await atFirst.CalledAsync(first.Id)).Id); // the earlier arrival waits for desk W2
        Assert.Equal(sent.Id, (await atSecond.CalledAsync(second)).Id);
        (await atFirst.ActAsync(newcomer.Id, "complete")).EnsureSuccessStatusCode();

        // Sent to W2 again, but W2 closes: the first desk takes the visitor rather than leave them waiting.
        (await atSecond.ActAsync(sent.Id, "transfer", new TransferTicketRequest(_energy.Id, null, null, _desk.Id))).EnsureSuccessStatusCode();
        Assert.Equal(sent.Id, (await _officer.CalledAsync(_desk.Id)).Id);
        (await _officer.ActAsync(sent.Id, "transfer", new TransferTicketRequest(water.Id, null, null, second))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await atFirst.CallNextAsync(first.Id)).StatusCode);
        (await atSecond.PostAsJsonAsync($"/api/desks/{second}/close", new CloseDeskRequest("обед"))).EnsureSuccessStatusCode();
        Assert.Equal(sent.Id, (await atFirst.CalledAsync(first.Id)).Id);
    }

    [Fact]
    public async Task A_parked_visitor_returns_to_the_queue_with_the_original_arrival()
    {
        var first = await _kiosk.IssuedAsync(_energy.Id);
        var second = await _kiosk.IssuedAsync(_energy.Id);
        Assert.Equal(first.Id, (await _officer.CalledAsync(_desk.Id)).Id);
        var started = await (await _officer.ActAsync(first.Id, "start")).OkAsync<TicketDto>();
        Assert.Equal("Serving", started.State);
        var parked = await (await _officer.ActAsync(first.Id, "park")).OkAsync<TicketDto>();
        Assert.Equal("Parked", parked.State);

        // The desk is free while the visitor fetches a document.
        Assert.Equal(second.Id, (await _officer.CalledAsync(_desk.Id)).Id);
        await (await _officer.ActAsync(second.Id, "complete")).OkAsync<TicketDto>();

        await (await _officer.ActAsync(first.Id, "unpark")).OkAsync<TicketDto>();
        var third = await _kiosk.IssuedAsync(_energy.Id);
        Assert.Equal(first.Id, (await _officer.CalledAsync(_desk.Id)).Id);
        await (await _officer.ActAsync(first.Id, "complete")).OkAsync<TicketDto>();
        Assert.Equal(third.Id, (await _officer.CalledAsync(_desk.Id)).Id);
        await (await _officer.ActAsync(third.Id, "complete")).OkAsync<TicketDto>();
    }

    [Fact]
    public async Task A_busy_desk_must_finish_its_visitor_before_calling_the_next()
    {
        await _kiosk.IssuedAsync(_energy.Id);
        await _kiosk.IssuedAsync(_energy.Id);
        var current = await _officer.CalledAsync(_desk.Id);
        await (await _officer.CallNextAsync(_desk.Id)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.DeskBusy);
        await (await _officer.ActAsync(current.Id, "complete")).OkAsync<TicketDto>();
        var next = await _officer.CalledAsync(_desk.Id);
        await (await _officer.ActAsync(next.Id, "complete")).OkAsync<TicketDto>();
        Assert.Equal(HttpStatusCode.NoContent, (await _officer.CallNextAsync(_desk.Id)).StatusCode);
    }

    [Fact]
    public async Task Wait_estimates_learn_from_the_services_own_history()
    {
        // Its own service and desk, so the queue it leaves behind bothers no other test.
        var water = _hall.Service("water");
        var desk = _hall.DeskOf("water");
        using var officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "water-officer", desk.Id));
        await _kiosk.IssuedAsync(water.Id);
        await _kiosk.IssuedAsync(water.Id);
        var promised = (await _kiosk.IssuedAsync(water.Id)).EstimatedWait;

        // Five 40-minute visits: longer than the 15-minute default.
        for (var i = 0; i < 5; i++)
        {
            var called = await officer.CalledAsync(desk.Id);
            _app.Clock.Advance(TimeSpan.FromMinutes(40));
            await (await officer.ActAsync(called.Id, "complete")).OkAsync<TicketDto>();
            await _kiosk.IssuedAsync(water.Id);
        }

        var learned = (await _kiosk.IssuedAsync(water.Id)).EstimatedWait;
        Assert.True(learned.FromMinutes > promised.FromMinutes, $"{learned} after slow visits vs {promised} before");
    }

    [Fact]
    public async Task A_retired_agency_takes_no_tickets_but_keeps_its_history()
    {
        var heating = _hall.Service("heating");
        var agency = _hall.Roster.Agencies.Single(a => a.Services.Any(s => s.Id == heating.Id));
        var desk = _hall.DeskOf("heating");
        var officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "heating-officer", desk.Id));
        var served = await _kiosk.IssuedAsync(heating.Id);
        await officer.CalledAsync(desk.Id);
        await (await officer.ActAsync(served.Id, "complete")).OkAsync<TicketDto>();

        using var admin = _app.Client(_hall.Admin);
        await (await admin.DeleteAsync(new Uri($"/api/admin/agencies/{agency.Id}", UriKind.Relative))).OkAsync<CreatedDto>();

        await (await _kiosk.IssueAsync(heating.Id)).ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownService);
        Assert.DoesNotContain((await _app.RosterAsync(_hall.Admin)).Agencies, a => a.Id == agency.Id);
        var withRetired = await admin.GetFromJsonAsync<RosterDto>("/api/roster?includeRetired=true");
        Assert.True(withRetired!.Agencies.Single(a => a.Id == agency.Id).Retired);
        using var phone = _app.Client(Caller.Anonymous);
        Assert.Equal("Completed", (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{served.PublicId}"))!.State);
        officer.Dispose();
    }
}
