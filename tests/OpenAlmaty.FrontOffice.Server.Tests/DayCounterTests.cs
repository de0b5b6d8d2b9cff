using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// The day's counters kept in memory (numbers, who waits) and the caches of the request path
/// (roster, device tokens) agree with the database at every step: a refused command leaves no
/// trace in them, and a change is seen by the very next request.
/// </summary>
public sealed class DayCounterTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;
    private ServiceDto _energy = null!;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        _energy = _hall.Service("energy");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static int Number(string displayNumber) => int.Parse(displayNumber.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Issues a ticket in a command of its own that holds the write slot for <paramref name="hold"/> and then, if told, is refused.</summary>
    private async Task<string> IssueInCommandAsync(TimeSpan hold, bool refuse)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        var service = await db.Services.AsNoTracking().Include(s => s.Agency).SingleAsync(s => s.Id == _energy.Id);
        return await Transactions.RunAsync(db, async ct =>
        {
            var ticket = await IssueTicket.IssueAsync(db, service, VisitorLanguage.Kk, Priority.None, _app.Clock.GetUtcNow().UtcDateTime, false, ct);
            await db.SaveChangesAsync(ct); // numbered and written inside the batch: the refusal has something to undo
            await Task.Delay(hold, ct);
            return refuse ? throw ProblemException.Conflict(ProblemTypes.ServiceClosed, "refused on purpose") : ticket.DisplayNumber;
        }, CancellationToken.None);
    }

    [Fact]
    public async Task A_refused_command_in_a_batch_consumes_no_number_and_changes_no_count()
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        var before = await kiosk.IssuedAsync(_energy.Id);

        // The first holds the write slot; the refused one and the one after it queue and share the next commit.
        var first = IssueInCommandAsync(TimeSpan.FromMilliseconds(300), refuse: false);
        await Task.Delay(50);
        var refused = IssueInCommandAsync(TimeSpan.Zero, refuse: true);
        var after = IssueInCommandAsync(TimeSpan.Zero, refuse: false);

        Assert.Equal(Number(before.Number) + 1, Number(await first));
        Assert.Equal(ProblemTypes.ServiceClosed, (await Assert.ThrowsAsync<ProblemException>(() => refused)).Type);
        Assert.Equal(Number(before.Number) + 2, Number(await after));

        var next = await kiosk.IssuedAsync(_energy.Id);
        Assert.Equal(Number(before.Number) + 3, Number(next.Number));
        Assert.Equal(before.PeopleAhead + 3, next.PeopleAhead); // the refused ticket never waited
    }

    [Fact]
    public async Task Racing_taps_with_one_key_consume_one_number()
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        var before = await kiosk.IssuedAsync(_energy.Id);

        var raced = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => kiosk.IssueAsync(_energy.Id, key: "one-tap")));
        var numbers = await Task.WhenAll(raced.Select(async r => (await r.Content.ReadFromJsonAsync<TicketDto>())!.Number));

        Assert.Single(numbers.Distinct());
        Assert.Equal(Number(before.Number) + 1, Number(numbers[0]));
        Assert.Equal(Number(before.Number) + 2, Number((await kiosk.IssuedAsync(_energy.Id)).Number));
    }

    [Fact]
    public async Task Waiting_counts_follow_calls_and_numbers_restart_on_the_next_Almaty_day()
    {
        var desk = _hall.DeskOf("energy");
        var officer = await _app.OfficerAsync(_hall.Admin, "counter-officer", desk.Id);
        using var kiosk = _app.Client(_hall.Kiosk);
        using var console = _app.Client(officer);
        var issued = new List<TicketDto>();
        for (var i = 0; i < 4; i++)
        {
            issued.Add(await kiosk.IssuedAsync(_energy.Id));
        }

        Assert.Equal([0, 1, 2, 3], issued.Select(t => t.PeopleAhead));
        await console.CalledAsync(desk.Id);
        Assert.Equal(3, (await kiosk.IssuedAsync(_energy.Id)).PeopleAhead); // one of the four called: three wait ahead of the newcomer

        _app.Clock.Advance(TimeSpan.FromDays(7)); // next Monday, same hour: a new day, a new count
        var monday = await kiosk.IssuedAsync(_energy.Id);
        Assert.Equal((1, 0), (Number(monday.Number), monday.PeopleAhead));
    }

    [Fact]
    public async Task A_roster_change_is_seen_by_the_next_issue()
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        using var admin = _app.Client(_hall.Admin);
        // Another service's ticket reads the roster into memory (a prefix with today's tickets may not change).
        await kiosk.IssuedAsync(_hall.Service("water").Id);

        var renumbered = new UpdateServiceRequest("QQ", _energy.NameKk, _energy.NameRu, _energy.NameEn, _energy.Hours,
            _energy.PriorityRatio, _energy.RecallLimit, _energy.RejoinWindowMinutes, _energy.DefaultServiceMinutes);
        (await admin.PutAsJsonAsync($"/api/admin/services/{_energy.Id}", renumbered)).EnsureSuccessStatusCode();
        Assert.Equal("QQ-001", (await kiosk.IssuedAsync(_energy.Id)).Number);

        (await admin.PutAsJsonAsync($"/api/admin/services/{_energy.Id}", renumbered with { Hours = "Sat 09:00-10:00" })).EnsureSuccessStatusCode();
        await (await kiosk.IssueAsync(_energy.Id)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.ServiceClosed);
    }

    [Fact]
    public async Task A_revoked_kiosk_is_refused_at_once_though_its_token_was_remembered()
    {
        var kioskCaller = await _app.EnrolAsync(_hall.Admin, DeviceKindDto.Kiosk, "Remembered kiosk");
        using var admin = _app.Client(_hall.Admin);
        var device = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Name == "Remembered kiosk");
        using var kiosk = _app.Client(kioskCaller);
        for (var i = 0; i < 3; i++)
        {
            await kiosk.IssuedAsync(_energy.Id); // the token is looked up once, then remembered
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/admin/devices/{device.Id}", UriKind.Relative))).StatusCode);
        await (await kiosk.IssueAsync(_energy.Id)).ProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }
}

/// <summary>The counters rebuilt at start: after a stop or a SIGKILL the numbers go on, one by one.</summary>
public sealed class DayCounterRestartTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-counters-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Numbers_continue_after_a_kill_and_a_restart_without_a_gap_or_a_duplicate()
    {
        var numbers = new List<TicketDto>();
        string token;
        int[] services;
        await using (var server = await ServerProcess.StartAsync(_data))
        {
            (token, services) = await EnrolKioskAsync(server.Address);
            numbers.AddRange(await IssueRoundAsync(server.Address, token, services));
            server.Kill();
        }

        for (var restart = 0; restart < 2; restart++)
        {
            await using var server = await ServerProcess.StartAsync(_data);
            numbers.AddRange(await IssueRoundAsync(server.Address, token, services));
            if (restart == 0)
            {
                server.Kill();
            }
        }

        foreach (var service in services)
        {
            var mine = numbers.Where(t => t.ServiceId == service).Select(t => int.Parse(t.Number.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(1, 3 * 6), mine.Order());
        }
    }

    /// <summary>Six tickets for each service, two kiosks at once.</summary>
    private static async Task<List<TicketDto>> IssueRoundAsync(Uri address, string token, int[] services)
    {
        using var kiosk = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var issued = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var mine = new List<TicketDto>();
            for (var i = 0; i < 3 * services.Length; i++)
            {
                mine.Add(await kiosk.IssuedAsync(services[i % services.Length]));
            }

            return mine;
        }));
        return issued.SelectMany(t => t).ToList();
    }

    private static async Task<(string Token, int[] ServiceIds)> EnrolKioskAsync(Uri address)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword))).StatusCode);
        var device = await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, "Counter kiosk"))).OkAsync<EnrolledDeviceDto>();
        var roster = await admin.GetFromJsonAsync<RosterDto>("/api/roster");
        return (device.Token, roster!.Agencies.SelectMany(a => a.Services).Take(2).Select(s => s.Id).ToArray());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
