using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>
/// Pages left open keep no power taken away: a locked officer's console, a revoked kiosk and a
/// revoked display, each open in Chromium while the admin acts through the API.
/// </summary>
public sealed class PowersTakenAwayBrowserTests : IAsyncLifetime
{
    /// <summary>The watch looks every two seconds; the page must show it well within this.</summary>
    private const int NoticedWithinMs = 5_000;

    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task A_console_open_when_the_admin_locks_its_officer_calls_nobody_and_says_why_in_the_staff_language()
    {
        using var admin = await _hall.AdminApiAsync();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var energy = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(energy.Id));
        var officer = (await (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("aigerim", "Officer-pass-1", [desk.Id])))
            .Content.ReadFromJsonAsync<CreatedOfficerDto>())!;
        var waiting = await IssueAsync(energy.Id);

        var console = await _hall.SignInAsync("aigerim", "Officer-pass-1", "/desk");
        await console.WaitForSelectorAsync("[data-page=desk][data-ready=true]");
        await console.WaitForSelectorAsync($"[data-test=waiting-row][data-number='{waiting}']");

        var locked = Stopwatch.StartNew();
        (await admin.PostAsJsonAsync($"/api/admin/staff/{officer.Id}/lock", new LockAccountRequest(true))).EnsureSuccessStatusCode();
        // At once, before the watch may have looked: the action itself is refused.
        await console.Keyboard.PressAsync("F2");
        await console.WaitForSelectorAsync("[data-test=session-ended]", new() { Timeout = NoticedWithinMs });
        Assert.True(locked.ElapsedMilliseconds < NoticedWithinMs, $"noticed after {locked.ElapsedMilliseconds} ms");

        // Why, in the staff language (Russian here), over the page, with the way back in.
        Assert.Equal("Сеанс завершён: администратор заблокировал вашу учётную запись", await console.InnerTextAsync("[data-test=session-ended-why]"));
        Assert.Contains("/login?returnUrl=", await console.GetAttributeAsync("[data-test=login-again]", "href"), StringComparison.Ordinal);
        await console.WaitForSelectorAsync("[data-test=error]:has-text('заблокировал')");

        // The shortcut and the button (a click that reaches it however) call nobody.
        await console.Keyboard.PressAsync("F2");
        await console.DispatchEventAsync("[data-test=call-next]", "click");
        await Task.Delay(1000); // a call, had one been made, is committed and shown by now
        Assert.Empty(await console.QuerySelectorAllAsync("[data-test=current-number]"));
        var snapshot = (await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        Assert.Empty(snapshot.RecentCalls);
        Assert.Equal(1, snapshot.Queues.Single(q => q.ServiceId == energy.Id).Waiting);
        Assert.Null(snapshot.Desks.Single(d => d.DeskId == desk.Id).CurrentTicket);

        await console.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "desk-session-ended.png") });
    }

    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_console_open_in_another_and_a_copied_cookie()
    {
        using var admin = await _hall.AdminApiAsync();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var energy = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(energy.Id));
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("zhanar", "Officer-pass-1", [desk.Id]))).EnsureSuccessStatusCode();
        var waiting = await IssueAsync(energy.Id);

        var console = await _hall.SignInAsync("zhanar", "Officer-pass-1", "/desk");
        await console.WaitForSelectorAsync($"[data-test=waiting-row][data-number='{waiting}']");
        var cookie = (await console.Context.CookiesAsync()).Single(c => c.Name == "oa.staff");

        // The same officer's second tab signs out through the page's own form.
        var other = await console.Context.NewPageAsync();
        await other.GotoAsync(_hall.Url("/desk"));
        await other.WaitForSelectorAsync("[data-page=desk][data-ready=true]");
        var signedOut = Stopwatch.StartNew();
        await other.ClickAsync("form.logout button");
        await other.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal));

        await console.WaitForSelectorAsync("[data-test=session-ended]", new() { Timeout = NoticedWithinMs });
        Assert.True(signedOut.ElapsedMilliseconds < NoticedWithinMs, $"noticed after {signedOut.ElapsedMilliseconds} ms");
        await console.Keyboard.PressAsync("F2");
        await Task.Delay(1000);
        var snapshot = (await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        Assert.Equal(1, snapshot.Queues.Single(q => q.ServiceId == energy.Id).Waiting);

        // The cookie as it was before the sign-out, replayed from elsewhere: refused.
        using var replay = new HttpClient { BaseAddress = new Uri(_hall.Url("/")) };
        replay.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_kiosk_open_when_the_admin_revokes_it_issues_nothing_and_shows_the_not_enrolled_page_also_after_a_reload()
    {
        var device = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Hall kiosk 1");
        var kiosk = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1080, Height = 1920 }, HasTouch = true })).NewPageAsync();
        await kiosk.GotoAsync(_hall.Url($"/kiosk/enrol?token={device.Token}"));
        await kiosk.WaitForSelectorAsync("[data-test=kiosk][data-ready=true]");
        await kiosk.TapAsync("[data-test=topic-energy]"); // the energy agencies: the department is on the first page
        await kiosk.TapAsync("[data-test=service-energy]");
        await kiosk.WaitForSelectorAsync("[data-test=priority-none]");

        using var admin = await _hall.AdminApiAsync();
        var revoked = Stopwatch.StartNew();
        (await admin.DeleteAsync($"/api/admin/devices/{device.Id}")).EnsureSuccessStatusCode();
        try
        {
            // The visitor taps at once; the watch may have sent the page away first, which issues nothing either.
            await kiosk.TapAsync("[data-test=priority-none]", new() { Timeout = 1_000 });
        }
        catch (PlaywrightException)
        {
        }

        await kiosk.WaitForSelectorAsync("[data-test=not-enrolled]", new() { Timeout = NoticedWithinMs });
        Assert.True(revoked.ElapsedMilliseconds < NoticedWithinMs, $"noticed after {revoked.ElapsedMilliseconds} ms");
        await AssertNotEnrolledPageAsync(kiosk, "kiosk");
        Assert.Empty(await kiosk.QuerySelectorAllAsync("button"));

        // No ticket: the hall's snapshot has nobody waiting anywhere.
        var snapshot = (await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        Assert.All(snapshot.Queues, q => Assert.Equal(0, q.Waiting));
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "kiosk-not-enrolled.png") });

        // Switched on again (a reload): the same HTML page, from the server itself.
        var reloaded = (await kiosk.ReloadAsync())!;
        Assert.Equal(401, reloaded.Status);
        Assert.StartsWith("text/html", reloaded.Headers["content-type"], StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await reloaded.TextAsync());
        Assert.Contains("Бұл киоск тіркелмеген", html, StringComparison.Ordinal);
        Assert.Contains("Этот киоск не зарегистрирован", html, StringComparison.Ordinal);
        await AssertNotEnrolledPageAsync(kiosk, "kiosk");

        // A browser never enrolled gets the same page; the API under /api still answers problem+json.
        var stranger = await (await _hall.Browser.NewContextAsync()).NewPageAsync();
        var opened = (await stranger.GotoAsync(_hall.Url("/kiosk")))!;
        Assert.Equal(401, opened.Status);
        Assert.StartsWith("text/html", opened.Headers["content-type"], StringComparison.Ordinal);
        await AssertNotEnrolledPageAsync(stranger, "kiosk");
        using var api = new HttpClient { BaseAddress = _hall.Server.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", device.Token);
        var refused = await api.GetAsync(new Uri("/api/roster", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_display_open_when_the_admin_revokes_it_shows_the_not_enrolled_page()
    {
        var device = await _hall.EnrolAsync(DeviceKindDto.Display, "hall-main");
        var display = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } })).NewPageAsync();
        await display.GotoAsync(_hall.Url($"/display/enrol?token={device.Token}"));
        await display.WaitForSelectorAsync("[data-test=display][data-ready=true]");

        using var admin = await _hall.AdminApiAsync();
        (await admin.DeleteAsync($"/api/admin/devices/{device.Id}")).EnsureSuccessStatusCode();
        await display.WaitForSelectorAsync("[data-test=not-enrolled][data-kind=display]", new() { Timeout = NoticedWithinMs });
        Assert.Contains("Бұл табло тіркелмеген", await display.InnerTextAsync("[data-test=not-enrolled-kk]"), StringComparison.Ordinal);
        Assert.Contains("Это табло не зарегистрировано", await display.InnerTextAsync("[data-test=not-enrolled-ru]"), StringComparison.Ordinal);
        await display.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-not-enrolled.png") });
    }

    private static async Task AssertNotEnrolledPageAsync(IPage page, string kind)
    {
        Assert.Equal(kind, await page.GetAttributeAsync("[data-test=not-enrolled]", "data-kind"));
        Assert.Contains("Бұл киоск тіркелмеген", await page.InnerTextAsync("[data-test=not-enrolled-kk]"), StringComparison.Ordinal);
        Assert.Contains("Этот киоск не зарегистрирован", await page.InnerTextAsync("[data-test=not-enrolled-ru]"), StringComparison.Ordinal);
    }

    /// <summary>A ticket taken by a kiosk of the hall over the API, so that the console has someone to call.</summary>
    private async Task<string> IssueAsync(int serviceId)
    {
        var kiosk = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "API kiosk");
        using var http = new HttpClient { BaseAddress = _hall.Server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", kiosk.Token);
        http.DefaultRequestHeaders.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        var issued = await http.PostAsJsonAsync("/api/tickets", new IssueTicketRequest(serviceId, VisitorLanguage.Kk, TicketPriority.None));
        issued.EnsureSuccessStatusCode();
        return (await issued.Content.ReadFromJsonAsync<TicketDto>())!.Number;
    }
}
