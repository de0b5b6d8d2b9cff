using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>A fresh install as a newcomer meets it: the README's address, then the kiosk and the hall display.</summary>
public sealed class FirstLookBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task A_newcomer_opening_the_start_the_kiosk_and_the_hall_display_gets_pages_not_json()
    {
        var page = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "ru-RU" })).NewPageAsync();

        var start = (await page.GotoAsync(_hall.Url("/")))!;
        Assert.Equal(200, start.Status);
        AssertHtml(start);
        await page.WaitForSelectorAsync("[data-test=start][data-lang=ru]");
        Assert.Equal("/login", await page.GetAttributeAsync("[data-test=sign-in]", "href"));
        foreach (var link in new[] { "/kiosk", "/display/hall", "/desk", "/admin" })
        {
            Assert.NotNull(await page.QuerySelectorAsync($"[data-test=hall-pages] a[href='{link}']"));
        }

        await page.ClickAsync("[data-test=lang-kk]");
        await page.WaitForSelectorAsync("[data-test=start][data-lang=kk]");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "start-kk.png"), FullPage = true });
        await AssertNoSeriousViolationsAsync(page);
        await page.ClickAsync("[data-test=lang-en]");
        await page.WaitForSelectorAsync("[data-test=start][data-lang=en] h1:has-text('queue system')");

        // The hall's pages the start page points to, on a browser that is no enrolled device.
        foreach (var (path, kind) in new[] { ("/kiosk", "kiosk"), ("/display/hall", "display") })
        {
            var response = (await page.GotoAsync(_hall.Url(path)))!;
            Assert.Equal(401, response.Status);
            AssertHtml(response);
            await page.WaitForSelectorAsync($"[data-test=not-enrolled][data-kind={kind}]");
        }
    }

    [Fact]
    public async Task A_signed_in_admin_makes_this_browser_a_hall_display_in_one_click_and_the_dashboard_says_what_the_qr_opens()
    {
        var context = await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_hall.Url("/login?returnUrl=%2F%3Flang%3Dru"));
        await page.FillAsync("[data-test=user]", "admin");
        await page.FillAsync("[data-test=password]", ServerProcess.AdminPassword);
        await page.ClickAsync("[data-test=sign-in]");
        await page.WaitForSelectorAsync("[data-test=start][data-lang=ru] [data-test=make-device]");
        Assert.Equal("admin", await page.InnerTextAsync("[data-test=user-name]"));
        Assert.Contains($"{_hall.Server.Address}kiosk", await page.InnerTextAsync("[data-test=kiosk-command]"), StringComparison.Ordinal);
        await page.FillAsync("[data-test=device-name]", "hall-2");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "start-admin-ru.png"), FullPage = true });
        await AssertNoSeriousViolationsAsync(page);

        // In another window, before this one stops being an admin's: the dashboard shows the QR's address, with no warning (all on loopback).
        var dashboard = await context.NewPageAsync();
        await dashboard.GotoAsync(_hall.Url("/admin/dashboard"));
        await dashboard.WaitForSelectorAsync("[data-page=dashboard][data-ready=true]");
        Assert.Contains($"{_hall.Server.Address}t/…", await dashboard.InnerTextAsync("[data-test=qr-address]"), StringComparison.Ordinal);
        Assert.Null(await dashboard.QuerySelectorAsync("[data-test=public-address-warning]"));
        await dashboard.CloseAsync();

        await page.ClickAsync("[data-test=make-display]");
        await page.WaitForURLAsync(u => u.EndsWith("/display/hall-2", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("[data-test=display][data-ready=true]");

        // From now on this browser is that display: the start page says so and offers nothing an admin could do.
        await page.GotoAsync(_hall.Url("/?lang=ru"));
        Assert.Contains("hall-2", await page.InnerTextAsync("[data-test=this-device]"), StringComparison.Ordinal);
        Assert.Null(await page.QuerySelectorAsync("[data-test=make-device]"));
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Nodes[0].Html}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    private static void AssertHtml(IResponse response)
    {
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
    }
}
