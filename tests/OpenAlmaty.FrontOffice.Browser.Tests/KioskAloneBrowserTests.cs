using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>
/// An elderly visitor alone at the 1080×1920 kiosk, by touch, in Debian's Chromium against the real
/// server and its shipped roster: every agency within the screen, the search, the idle question and
/// the language the next visitor finds; axe-core on each new screen.
/// </summary>
public sealed class KioskAloneBrowserTests : IAsyncLifetime
{
    private const int Width = 1080;
    private const int Height = 1920;
    private BrowserHall _hall = null!;
    private string _kioskToken = null!;

    public async Task InitializeAsync()
    {
        _hall = await BrowserHall.StartAsync();
        _kioskToken = (await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Hall kiosk alone")).Token;
    }

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    private async Task<IPage> KioskAsync(string query = "")
    {
        var context = await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = Width, Height = Height }, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_hall.Url($"/kiosk/enrol?token={_kioskToken}"));
        await page.WaitForSelectorAsync("[data-test=kiosk][data-ready=true]");
        if (query.Length > 0)
        {
            await page.GotoAsync(_hall.Url("/kiosk" + query));
            await page.WaitForSelectorAsync("[data-test=kiosk][data-ready=true]");
        }

        return page;
    }

    private static string Shot(string name) => Path.Combine(BrowserHall.Screens(), name);

    /// <summary>Wholly on the screen as it is, nothing scrolled: the visitor sees it without knowing that pages scroll.</summary>
    private static async Task AssertOnScreenAsync(IPage page, string selector)
    {
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.scrollY"));
        var boxes = await page.Locator(selector).EvaluateAllAsync<double[][]>(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })");
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.True(b[0] >= 0 && b[1] >= 0 && b[2] <= Width && b[3] <= Height, $"{selector} at [{string.Join(", ", b)}] is off the screen"));
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Nodes[0].Html}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task Every_state_body_is_reached_by_touch_page_by_page_without_scrolling_the_21st_included()
    {
        var page = await KioskAsync();
        await page.ScreenshotAsync(new() { Path = Shot("kiosk-start-kk.png") });
        await AssertOnScreenAsync(page, "[data-test=kiosk] button");
        await AssertNoSeriousViolationsAsync(page);

        await page.TapAsync("[data-test=kind-agency]");
        await page.WaitForSelectorAsync("[data-test=services] [data-agency]");
        await page.ScreenshotAsync(new() { Path = Shot("kiosk-agencies-kk.png") });
        await AssertNoSeriousViolationsAsync(page);

        var seen = new List<string>();
        var pages = int.Parse(await page.GetAttributeAsync("[data-test=services]", "data-pages") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages >= 2, "21 state bodies need more than one page of tiles this size");
        for (var p = 1; p <= pages; p++)
        {
            await page.WaitForSelectorAsync($"[data-test=services][data-page='{p}']");
            Assert.Equal($"{p}/{pages}", await page.InnerTextAsync("[data-test=page]"));
            await AssertOnScreenAsync(page, "[data-test=services] [data-agency]");
            // No name cut off inside its tile either.
            var clipped = await page.Locator("[data-test=services] [data-agency]").EvaluateAllAsync<string[]>(
                "els => els.filter(e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).map(e => e.dataset.agency)");
            Assert.Empty(clipped);
            await AssertOnScreenAsync(page, "[data-test=back], [data-test=page-next], [data-test=page-previous], [data-test=search]");
            seen.AddRange(await page.Locator("[data-test=services] [data-agency]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.agency)"));
            if (p < pages)
            {
                await page.TapAsync("[data-test=page-next]");
            }
        }

        Assert.Equal(21, seen.Distinct().Count());
        Assert.Equal(21, seen.Count);

        // The 21st, on the last page, takes a ticket like the first.
        var last = await page.Locator("[data-test=services] [data-agency]").Last.GetAttributeAsync("data-test");
        Assert.StartsWith("service-", last, StringComparison.Ordinal);
        await page.TapAsync($"[data-test={last}]");
        await page.TapAsync("[data-test=priority-none]");
        Assert.Matches("^[A-Z]{1,3}-\\d{3}$", await (await page.WaitForSelectorAsync("[data-test=number]"))!.TextContentAsync());
    }

    [Theory]
    [InlineData("ЦОН", "public-service-centre", "ru")]
    [InlineData("ХҚКО", "public-service-centre", "kk")]
    [InlineData("ПРОКУРАТУРА", "prosecutor", "ru")]
    public async Task A_visitor_finds_the_agency_by_what_people_call_it_on_the_kiosks_keypad(string typed, string agency, string language)
    {
        var page = await KioskAsync();
        await page.TapAsync($"[data-test=lang-{language}]");
        await page.TapAsync("[data-test=kind-agency]");
        await page.TapAsync("[data-test=search]");
        foreach (var key in typed)
        {
            await page.TapAsync($"[data-test='key-{key}']");
        }

        await page.WaitForSelectorAsync($"[data-test=search-typed]:has-text('{typed}')");
        var found = await page.Locator("[data-test=services] [data-agency]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.agency)");
        Assert.Equal([agency], found);
        await AssertOnScreenAsync(page, "[data-test=services] [data-agency], [data-test=search-keys] button, [data-test=back]");
        if (typed == "ЦОН")
        {
            await page.ScreenshotAsync(new() { Path = Shot("kiosk-search-ru.png") });
            await AssertNoSeriousViolationsAsync(page);
        }

        await page.TapAsync("[data-test=services] [data-agency]");
        await page.WaitForSelectorAsync("[data-test=priority-none]");
    }

    [Fact]
    public async Task An_untouched_kiosk_asks_are_you_still_there_and_the_next_visitor_finds_it_in_kazakh()
    {
        var page = await KioskAsync("?idle=10");
        await page.TapAsync("[data-test=lang-ru]");
        await page.TapAsync("[data-test=kind-agency]");

        // Reading the list counts as being there: a scroll of the wheel and a touch on no button.
        await page.WaitForTimeoutAsync(6000);
        await page.Mouse.WheelAsync(0, 200);
        await page.WaitForTimeoutAsync(6000);
        var heading = (await page.Locator("h1").BoundingBoxAsync())!;
        await page.Touchscreen.TapAsync(heading.X + heading.Width - 10, heading.Y + heading.Height / 2);
        Assert.False(await page.IsVisibleAsync("[data-test=still-there]"));

        var question = await page.WaitForSelectorAsync("[data-test=still-there]", new() { Timeout = 20_000 });
        Assert.Contains("Вы ещё здесь?", await question!.InnerTextAsync(), StringComparison.Ordinal);
        var left = int.Parse(await page.InnerTextAsync("[data-test=seconds-left]"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(left, 1, 20);
        await page.ScreenshotAsync(new() { Path = Shot("kiosk-idle-ru.png") });
        await AssertNoSeriousViolationsAsync(page);

        // "Yes": the same screen, the same language.
        await page.TapAsync("[data-test=still-here]");
        await page.WaitForSelectorAsync("[data-test=still-there]", new() { State = WaitForSelectorState.Detached });
        Assert.Equal(("Agencies", "ru"), (await page.GetAttributeAsync("[data-test=kiosk]", "data-step"), await page.GetAttributeAsync("[data-test=kiosk]", "lang")));

        // Nobody answers the second time: the start screen, in Kazakh, for whoever comes next.
        await page.WaitForSelectorAsync("[data-test=still-there]", new() { Timeout = 20_000 });
        await page.WaitForSelectorAsync("[data-test=kiosk][data-step=Start]", new() { Timeout = 30_000 });
        Assert.Equal("kk", await page.GetAttributeAsync("[data-test=kiosk]", "lang"));
        Assert.Equal("true", await page.GetAttributeAsync("[data-test=lang-kk]", "aria-pressed"));
        Assert.Contains("Мемлекеттік органдар", await page.InnerTextAsync("[data-test=kind-agency]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wheelchair_layout_keeps_the_languages_and_every_choice_in_the_lower_half()
    {
        var page = await KioskAsync("?assisted=true");
        await page.ScreenshotAsync(new() { Path = Shot("kiosk-assisted-kk.png") });
        foreach (var selector in new[] { "[data-test=languages] button" })
        {
            var tops = await page.Locator(selector).EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().top)");
            Assert.Equal(3, tops.Length);
            Assert.All(tops, top => Assert.True(top >= Height / 2, $"a language button at {top} px is in the upper half"));
        }

        await AssertOnScreenAsync(page, "[data-test=kiosk] button");
        await page.TapAsync("[data-test=kind-agency]");
        await page.WaitForSelectorAsync("[data-test=services] [data-agency]");
        var languageTops = await page.Locator("[data-test=languages] button").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().top)");
        Assert.All(languageTops, top => Assert.True(top >= Height / 2, $"a language button at {top} px is in the upper half"));
        await AssertOnScreenAsync(page, "[data-test=kiosk] button");
        await AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [InlineData("kk", "Қабылдау")]
    [InlineData("ru", "Приём")]
    public async Task Tiles_name_the_agency_and_do_not_repeat_its_one_service(string language, string service)
    {
        var page = await KioskAsync();
        await page.TapAsync($"[data-test=lang-{language}]");
        await page.TapAsync("[data-test=kind-agency]");
        var text = await page.InnerTextAsync("[data-test=services]");
        Assert.DoesNotContain(service, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mon-Fri", text, StringComparison.Ordinal);
        Assert.Equal(10, await page.Locator("[data-test=services] [data-agency] img[src*='/icons/']").CountAsync());
    }
}
