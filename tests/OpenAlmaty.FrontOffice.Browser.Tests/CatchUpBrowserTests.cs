using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>
/// A hall display that was away while visitors were called and served comes back and shows and says
/// every call it missed, in order, once each, and none it had said before: whether its circuit waited
/// for it on the server, or the server restarted meanwhile and the page had to reload.
/// </summary>
public sealed partial class CatchUpBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;
    private HttpClient _officer = null!;
    private HttpClient _kiosk = null!;
    private EnrolledDeviceDto _display = null!;
    private int _desk;
    private string _deskNumber = "";

    // The page's hub connections, and whether the display is cut off: away, a new connection is refused
    // at once and the browser is offline (no long polling, no health check gets through).
    private readonly List<IWebSocketRoute> _sockets = [];
    private volatile bool _away;

    public async Task InitializeAsync()
    {
        _hall = await BrowserHall.StartAsync();
        using var admin = await _hall.AdminApiAsync();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var energy = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(energy.Id));
        (_desk, _deskNumber) = (desk.Id, desk.Number);
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("dana", "Officer-pass-1", [_desk]))).EnsureSuccessStatusCode();
        _officer = await _hall.StaffApiAsync("dana", "Officer-pass-1");

        var kiosk = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Kiosk 1");
        _kiosk = new HttpClient { BaseAddress = _hall.Server.Address };
        _kiosk.DefaultRequestHeaders.Authorization = new("Bearer", kiosk.Token);
        for (var i = 0; i < 8; i++)
        {
            using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(energy.Id)) };
            issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
            (await _kiosk.SendAsync(issue)).EnsureSuccessStatusCode();
        }

        _display = await _hall.EnrolAsync(DeviceKindDto.Display, "hall");
        (await admin.PutAsJsonAsync($"/api/admin/devices/{_display.Id}/display", new DisplaySettingsRequest("hall", null, "voice", null))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _officer.Dispose();
        _kiosk.Dispose();
        await _hall.DisposeAsync();
    }

    [Fact]
    public async Task A_display_whose_connection_was_lost_for_a_minute_shows_and_says_every_call_it_missed_once_in_order()
    {
        var (context, page) = await OpenDisplayAsync();
        var reloads = 0;
        page.Load += (_, _) => reloads++;
        var first = await CallAsync();
        await SaidAsync(page, first);

        await GoAwayAsync(context, page);
        var away = System.Diagnostics.Stopwatch.StartNew();
        await CompleteAsync(first);
        var second = await CallAsync();
        await CompleteAsync(second);
        var third = await CallAsync();
        await CompleteAsync(third);
        var fourth = await CallAsync();
        // The hall goes on for a minute without the display (a cable pulled, a switch rebooting): its
        // circuit keeps running on the server, which keeps a disconnected one for three minutes.
        var minute = TimeSpan.FromSeconds(60) - away.Elapsed;
        if (minute > TimeSpan.Zero)
        {
            await Task.Delay(minute);
        }

        await ComeBackAsync(context, page);
        await SaidAsync(page, first, second, third, fourth);
        foreach (var missed in new[] { second, third, fourth })
        {
            Assert.Equal(_deskNumber, await page.GetAttributeAsync($"[data-test=call][data-number='{missed.Number}']", "data-desk"));
        }

        // Nothing is said twice, however long it stays.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(Said(first, second, third, fourth), await page.GetAttributeAsync("[data-test=announcer]", "data-said"));
        Assert.Equal(0, reloads); // the same page and circuit: it resumed, it was not reloaded
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-caught-up.png") });
    }

    [Fact]
    public async Task A_display_that_was_away_while_the_server_restarted_reloads_and_says_only_what_it_missed_before_and_after_the_restart()
    {
        var (context, page) = await OpenDisplayAsync();
        var first = await CallAsync();
        await SaidAsync(page, first);

        await GoAwayAsync(context, page);
        await CompleteAsync(first);
        var second = await CallAsync();
        await CompleteAsync(second);
        // The server restarts: the display's circuit is gone, and only the server's log knows of these calls.
        await _hall.RestartAsync();
        _officer.Dispose();
        _officer = await _hall.StaffApiAsync("dana", "Officer-pass-1");
        var third = await CallAsync();
        await CompleteAsync(third);
        var fourth = await CallAsync();

        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Load += (_, _) => reloaded.TrySetResult();
        await ComeBackAsync(context, page);
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await page.WaitForSelectorAsync("[data-test=display][data-ready=true]", new() { Timeout = 30_000 });

        // A new page: it says what it missed, not the call it had said before it went away.
        await SaidAsync(page, second, third, fourth);
        foreach (var missed in new[] { second, third, fourth })
        {
            Assert.Equal(_deskNumber, await page.GetAttributeAsync($"[data-test=call][data-number='{missed.Number}']", "data-desk"));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(Said(second, third, fourth), await page.GetAttributeAsync("[data-test=announcer]", "data-said"));
    }

    private async Task<(IBrowserContext, IPage)> OpenDisplayAsync()
    {
        var context = await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        // Every clip "plays" in 20 ms: what is said, without waiting for it; again after a reload.
        await context.AddInitScriptAsync("""
            HTMLMediaElement.prototype.play = function () {
                setTimeout(() => this.dispatchEvent(new Event("ended")), 20);
                return Promise.resolve();
            };
            """);
        var page = await context.NewPageAsync();
        await page.RouteWebSocketAsync(BlazorHub(), socket =>
        {
            if (_away)
            {
                _ = socket.CloseAsync(new() { Code = 4000, Reason = "away" });
                return;
            }

            socket.ConnectToServer();
            lock (_sockets)
            {
                _sockets.Add(socket);
            }
        });
        await page.GotoAsync(_hall.Url($"/display/enrol?token={_display.Token}"));
        await page.WaitForSelectorAsync("[data-test=display][data-ready=true]");
        return (context, page);
    }

    /// <summary>The display drops off the network: its connection is cut and nothing gets through until it is back.</summary>
    private async Task GoAwayAsync(IBrowserContext context, IPage page)
    {
        _away = true;
        await context.SetOfflineAsync(true);
        IWebSocketRoute[] open;
        lock (_sockets)
        {
            open = [.. _sockets];
            _sockets.Clear();
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "away" });
        }

        await page.WaitForSelectorAsync("[data-test=offline]:not([hidden])", new() { State = WaitForSelectorState.Visible });
    }

    private async Task ComeBackAsync(IBrowserContext context, IPage page)
    {
        _away = false;
        await context.SetOfflineAsync(false);
        await page.WaitForSelectorAsync("[data-test=offline]", new() { State = WaitForSelectorState.Hidden, Timeout = 60_000 });
    }

    private async Task<TicketDto> CallAsync()
    {
        using var call = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{_desk}/call-next");
        call.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        var response = await _officer.SendAsync(call);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    private async Task CompleteAsync(TicketDto ticket) =>
        (await _officer.PostAsJsonAsync($"/api/tickets/{ticket.Id}/complete", new CompleteTicketRequest())).EnsureSuccessStatusCode();

    private static string Said(params TicketDto[] tickets) => string.Join(' ', tickets.Select(t => t.Number));

    /// <summary>Waits until the page has said exactly these calls, in this order (announce.js writes each down once said).</summary>
    private static async Task SaidAsync(IPage page, params TicketDto[] tickets)
    {
        try
        {
            await page.WaitForFunctionAsync("expected => document.querySelector('[data-test=announcer]')?.dataset.said === expected",
                Said(tickets), new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"expected to hear '{Said(tickets)}', heard '{await page.GetAttributeAsync("[data-test=announcer]", "data-said")}'");
        }
    }

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();
}
