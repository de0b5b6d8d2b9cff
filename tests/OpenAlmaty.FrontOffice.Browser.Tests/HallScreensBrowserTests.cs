using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Displays;
using OpenAlmaty.FrontOffice.Displays.Components;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>
/// One hall for the class: the default roster with a visitor waiting in every one of its 31 agencies,
/// an officer at an energy desk, a hall display and a display for the group of state bodies.
/// </summary>
public sealed class BusyHall : IAsyncLifetime
{
    public BrowserHall Hall { get; private set; } = null!;
    public RosterDto Roster { get; private set; } = null!;
    public EnrolledDeviceDto HallDisplay { get; private set; } = null!;
    public EnrolledDeviceDto GroupDisplay { get; private set; } = null!;
    public int EnergyDesk { get; private set; }
    public HttpClient Officer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hall = await BrowserHall.StartAsync();
        using var admin = await Hall.AdminApiAsync();
        Roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var energy = Roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        EnergyDesk = Roster.Desks.First(d => d.ServiceIds.Contains(energy.Id)).Id;
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("dana", "Officer-pass-1", [EnergyDesk]))).EnsureSuccessStatusCode();

        var kiosk = await Hall.EnrolAsync(DeviceKindDto.Kiosk, "Kiosk 1");
        using var http = new HttpClient { BaseAddress = Hall.Server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", kiosk.Token);
        foreach (var agency in Roster.Agencies)
        {
            using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
            {
                Content = JsonContent.Create(new IssueTicketRequest(agency.Services[0].Id)),
            };
            issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
            (await http.SendAsync(issue)).EnsureSuccessStatusCode();
        }

        // A second visitor for energy: one is called in a test, and energy still has a queue after.
        using (var second = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(energy.Id)) })
        {
            second.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
            (await http.SendAsync(second)).EnsureSuccessStatusCode();
        }

        HallDisplay = await Hall.EnrolAsync(DeviceKindDto.Display, "hall");
        GroupDisplay = await Hall.EnrolAsync(DeviceKindDto.Display, "agencies");
        (await admin.PutAsJsonAsync($"/api/admin/devices/{GroupDisplay.Id}/display",
            new DisplaySettingsRequest("group", "agency", "voice", "Қош келдіңіз! <b>Добро пожаловать!</b>"))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/devices/{HallDisplay.Id}/display",
            new DisplaySettingsRequest("hall", null, "voice", "Қош келдіңіз! Талоныңызды алыңыз. <b>Добро пожаловать!</b> Возьмите талон."))).EnsureSuccessStatusCode();

        Officer = await Hall.StaffApiAsync("dana", "Officer-pass-1");
    }

    private readonly List<IBrowserContext> _open = [];

    /// <summary>A display browser at a screen size, enrolled with the token, on its board once it answers.</summary>
    public async Task<IPage> OpenDisplayAsync(EnrolledDeviceDto display, int width, int height, bool fakeClock = false, bool quietAudio = false)
    {
        var context = await Hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        _open.Add(context);
        var page = await context.NewPageAsync();
        if (fakeClock)
        {
            // The page's timers on Playwright's clock: a paging cycle passes in a moment, not in 20 s.
            await page.Clock.InstallAsync();
        }

        if (quietAudio)
        {
            // Every clip "plays" in 20 ms and is written down: what is said, without waiting for it.
            await page.AddInitScriptAsync("""
                window.__played = [];
                HTMLMediaElement.prototype.play = function () {
                    window.__played.push(new URL(this.src).pathname);
                    setTimeout(() => this.dispatchEvent(new Event("ended")), 20);
                    return Promise.resolve();
                };
                """);
        }

        await page.GotoAsync(Hall.Url($"/display/enrol?token={display.Token}"));
        await page.WaitForSelectorAsync("[data-test=display][data-ready=true]");
        await page.WaitForSelectorAsync("[data-test=queue-list][data-pages]", new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Closes the browsers a test opened, so that the next test's displays are the only ones.</summary>
    public async Task CloseDisplaysAsync()
    {
        foreach (var context in _open)
        {
            await context.CloseAsync();
        }

        _open.Clear();
    }

    public async Task DisposeAsync()
    {
        Officer.Dispose();
        await Hall.DisposeAsync();
    }
}

public sealed class HallScreensBrowserTests(BusyHall busy, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BusyHall>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => busy.CloseDisplaysAsync();

    /// <summary>Three per cent of a 1080-line screen.</summary>
    private const double MinNamePx = 32;

    private const int CycleMs = DisplayBoard.CycleSeconds * 1000;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("hall", 1920, 1080)]
    [InlineData("hall", 1080, 1920)]
    [InlineData("group", 1920, 1080)]
    public async Task Every_agency_with_a_queue_is_shown_whole_within_one_paging_cycle_with_names_of_at_least_32_px(string board, int width, int height)
    {
        var display = board == "hall" ? busy.HallDisplay : busy.GroupDisplay;
        var expected = busy.Roster.Agencies.Where(a => board == "hall" || a.Kind == AgencyKindDto.Agency)
            .Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(board == "hall" ? 31 : 21, expected.Count);
        var page = await busy.OpenDisplayAsync(display, width, height, fakeClock: true);

        var list = await page.QuerySelectorAsync("[data-test=queue-list]");
        var pages = int.Parse((await list!.GetAttributeAsync("data-pages"))!, CultureInfo.InvariantCulture);
        var pageMs = int.Parse((await list.GetAttributeAsync("data-page-ms"))!, CultureInfo.InvariantCulture);
        Assert.True(pages * pageMs <= CycleMs, $"{pages} pages of {pageMs} ms take longer than {CycleMs} ms");
        Assert.InRange(pageMs, DisplayBoard.MinPageSeconds * 1000, DisplayBoard.PageSeconds * 1000);
        Assert.Equal(pages > 1 ? $"1/{pages}" : "", (await page.InnerTextAsync("[data-test=page-indicator]")).Trim());

        var seen = new HashSet<string>();
        for (var shown = 1; shown <= pages; shown++)
        {
            Assert.Equal(shown.ToString(CultureInfo.InvariantCulture), await list.GetAttributeAsync("data-page"));
            var rows = await page.EvaluateAsync<JsonElement>(WholeRowsOnScreen);
            Assert.True(rows.GetArrayLength() > 0, $"page {shown} shows no whole row");
            foreach (var row in rows.EnumerateArray())
            {
                seen.Add(row.GetProperty("id").GetString()!);
                foreach (var size in row.GetProperty("sizes").EnumerateArray())
                {
                    Assert.True(size.GetDouble() >= MinNamePx, $"agency {row.GetProperty("id")} is named at {size} px");
                }
            }

            if (shown == 1 && board == "hall" && width < height)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-hall-portrait.png") });
            }

            await page.Clock.RunForAsync(pageMs);
        }

        Assert.Empty(expected.Except(seen).Order());
        Assert.Equal("1", await list.GetAttributeAsync("data-page")); // round again
    }

    [Fact]
    public async Task The_hall_and_group_boards_pass_axe_during_and_after_a_call_and_the_flash_never_drops_below_7_to_1()
    {
        var hall = await busy.OpenDisplayAsync(busy.HallDisplay, 1920, 1080);
        var group = await busy.OpenDisplayAsync(busy.GroupDisplay, 1920, 1080);
        var portrait = await busy.OpenDisplayAsync(busy.HallDisplay, 1080, 1920);
        await AssertNoSeriousViolationsAsync(hall, "hall before any call");

        using var call = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{busy.EnergyDesk}/call-next");
        call.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        var called = (await (await busy.Officer.SendAsync(call)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TicketDto>())!;

        foreach (var (page, name) in new[] { (hall, "hall"), (group, "group"), (portrait, "portrait") })
        {
            await page.WaitForSelectorAsync($"[data-test=call][data-number='{called.Number}'].fresh");
            // Every 20 ms of the one-second flash, on the number, the arrow and the window number.
            var worst = await page.EvaluateAsync<double>(WorstContrastOfTheFlash, called.Number);
            Assert.True(worst >= 7, $"{name}: the flashing call falls to {worst:0.00}:1");

            // Held in each half of the flash, axe with the 7:1 rule on: nothing serious or critical.
            await HoldFlashAtAsync(page, 250);
            await AssertNoSeriousViolationsAsync(page, $"{name} during the call (blue)");
            if (name == "hall")
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-hall.png") });
            }

            await HoldFlashAtAsync(page, 750);
            await AssertNoSeriousViolationsAsync(page, $"{name} during the call (yellow)");
            if (name == "hall")
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-hall-flash.png") });
            }

            if (name == "portrait")
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-hall-portrait-call.png") });
            }

            // After the flash: the animations done, the call stays on the board.
            await page.EvaluateAsync("() => document.getAnimations().filter(a => !a.animationName.startsWith('ticker')).forEach(a => a.finish())");
            await AssertNoSeriousViolationsAsync(page, $"{name} after the call");
            if (name == "hall")
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-hall-after-call.png") });
            }
            else if (name == "group")
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-group.png") });
            }
        }
    }

    [Fact]
    public async Task The_test_button_on_a_displays_page_makes_that_display_flash_and_speak_and_queues_nothing()
    {
        var hall = await busy.OpenDisplayAsync(busy.HallDisplay, 1920, 1080, quietAudio: true);
        var group = await busy.OpenDisplayAsync(busy.GroupDisplay, 1920, 1080, quietAudio: true);
        using var admin = await busy.Hall.AdminApiAsync();
        var before = (await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;

        var settings = await busy.Hall.SignInAsync("admin", Server.Tests.ServerProcess.AdminPassword, $"/admin/displays/{busy.HallDisplay.Id}");
        await settings.WaitForSelectorAsync("[data-page=display-settings][data-ready=true]");
        await settings.ClickAsync("[data-test=test-display]");
        await settings.WaitForSelectorAsync("[data-test=tested]");

        await hall.WaitForSelectorAsync($"[data-test=call][data-kind=test][data-number='{DisplayBoard.TestNumber}'].fresh");
        await HoldFlashAtAsync(hall, 750);
        await hall.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "display-test-call.png") });
        await hall.WaitForSelectorAsync($"[data-test=announcer][data-last-announced='{DisplayBoard.TestNumber}']", new() { State = WaitForSelectorState.Attached });
        var played = await hall.EvaluateAsync<string[]>("() => window.__played");
        Assert.Equal([Announcement.Chime, .. Announcement.TestWords], played);
        await settings.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-display-settings.png") });

        // The other display was not asked: it neither flashes nor speaks.
        await Task.Delay(500);
        Assert.Null(await group.QuerySelectorAsync("[data-test=call][data-kind=test]"));
        Assert.Empty(await group.EvaluateAsync<string[]>("() => window.__played"));

        // Nobody's ticket: no call, no count changed.
        var after = (await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        Assert.Equal(before.RecentCalls.Select(c => c.TicketNumber), after.RecentCalls.Select(c => c.TicketNumber));
        Assert.Equal(before.Queues.Select(q => (q.ServiceId, q.Waiting)), after.Queues.Select(q => (q.ServiceId, q.Waiting)));
    }

    [Fact]
    public async Task Five_calls_at_once_are_said_with_one_chime_and_their_numbers_in_under_a_third_of_the_time_of_five_whole_sentences()
    {
        var page = await busy.OpenDisplayAsync(busy.HallDisplay, 1920, 1080, quietAudio: true);
        var calls = new[] { ("A-015", "7"), ("B-020", "12"), ("ZH-003", "21"), ("E-104", "3"), ("M-001", "30") };
        var forms = calls.Select(c => new { number = c.Item1, speech = Announcement.For(c.Item1, c.Item2, "voice") }).ToList();
        await page.EvaluateAsync("json => JSON.parse(json).forEach(c => window.oaAnnouncer.enqueue(c.number, c.speech))",
            JsonSerializer.Serialize(forms, Web));
        await page.WaitForSelectorAsync("[data-test=announcer][data-announced='5']", new() { State = WaitForSelectorState.Attached });

        var played = await page.EvaluateAsync<string[]>("() => window.__played");
        Assert.Equal("numbers numbers numbers numbers numbers", await page.GetAttributeAsync("[data-test=announcer]", "data-forms"));
        Assert.Equal([Announcement.Chime, .. forms.SelectMany(f => f.speech.Numbers)], played);

        var said = played.Sum(Seconds);
        var whole = forms.Sum(f => Seconds(Announcement.Chime) + f.speech.Full.Sum(Seconds));
        output.WriteLine($"five calls at once: {said:0.0} s said, {whole:0.0} s as five whole sentences");
        Assert.True(said < whole / 3, $"five calls take {said:0.0} s, five whole sentences {whole:0.0} s");
        Assert.True(said <= 15, $"five calls take {said:0.0} s");

        // One call alone afterwards is said whole again, with its chime.
        await page.EvaluateAsync("() => { window.__played = []; }");
        await page.EvaluateAsync("json => window.oaAnnouncer.enqueue('A-016', JSON.parse(json))",
            JsonSerializer.Serialize(Announcement.For("A-016", "7", "voice"), Web));
        await page.WaitForSelectorAsync("[data-test=announcer][data-announced='6']", new() { State = WaitForSelectorState.Attached });
        Assert.Equal("full", await page.GetAttributeAsync("[data-test=announcer]", "data-last-form"));
        var alone = await page.EvaluateAsync<string[]>("() => window.__played");
        Assert.Equal([Announcement.Chime, .. Announcement.For("A-016", "7", "voice").Full], alone);
    }

    /// <summary>How long a clip of the shipped phrase pack lasts, from its WAV header.</summary>
    private static double Seconds(string clip)
    {
        var path = Path.Combine(Root(), "displays", "OpenAlmaty.FrontOffice.Displays", "wwwroot", clip.TrimStart('/'));
        using var file = new BinaryReader(File.OpenRead(path));
        file.BaseStream.Position = 28;
        var bytesPerSecond = file.ReadInt32();
        return (new FileInfo(path).Length - 44) / (double)bytesPerSecond;
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OpenAlmaty.FrontOffice.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    /// <summary>axe-core with the 7:1 contrast rule switched on; fails on any serious or critical violation.</summary>
    private static async Task AssertNoSeriousViolationsAsync(IPage page, string when)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            Rules = new Dictionary<string, RuleOptions> { ["color-contrast-enhanced"] = new() { Enabled = true } },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, $"{when}: " + string.Join("\n", serious));
    }

    /// <summary>Stops every flash at one moment of its second (ms), as a photograph of the screen would.</summary>
    private static async Task HoldFlashAtAsync(IPage page, int ms) => await page.EvaluateAsync("""
        ms => document.getAnimations().filter(a => !a.animationName.startsWith("ticker")).forEach(a => { a.pause(); a.currentTime = ms; })
        """, ms);

    private const string WholeRowsOnScreen = """
        () => {
            const list = document.querySelector("[data-test=queue-list]").getBoundingClientRect();
            return [...document.querySelectorAll("[data-test=queue]")]
                .filter(r => {
                    const b = r.getBoundingClientRect();
                    return r.offsetParent !== null && b.height > 0 && b.top >= list.top - 0.5 && b.bottom <= list.bottom + 0.5
                        && b.bottom <= innerHeight && b.right <= innerWidth && b.left >= 0;
                })
                .map(r => ({ id: r.dataset.agency, sizes: [...r.querySelectorAll("[data-test=name]")].map(n => parseFloat(getComputedStyle(n).fontSize)) }));
        }
        """;

    /// <summary>The lowest contrast of the call's number, arrow and window against the call's background over one flash, every 20 ms.</summary>
    private const string WorstContrastOfTheFlash = """
        number => {
            const call = document.querySelector(`[data-test=call][data-number='${number}']`);
            const parts = [call.querySelector(".number"), call.querySelector(".arrow"), call.querySelector(".desk")];
            const rgb = s => s.match(/[\d.]+/g).slice(0, 3).map(Number);
            const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
            const animations = document.getAnimations().filter(a => !a.animationName.startsWith("ticker"));
            let worst = Infinity;
            for (let t = 0; t < 1000; t += 20) {
                animations.forEach(a => { a.pause(); a.currentTime = t; });
                let background = rgb(getComputedStyle(call).backgroundColor);
                if (getComputedStyle(call).backgroundColor === "rgba(0, 0, 0, 0)") background = rgb(getComputedStyle(document.querySelector("[data-test=display]")).backgroundColor);
                for (const part of parts) worst = Math.min(worst, ratio(rgb(getComputedStyle(part).color), background));
            }
            animations.forEach(a => a.play());
            return worst;
        }
        """;
}
