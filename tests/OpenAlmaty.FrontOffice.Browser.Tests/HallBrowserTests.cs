using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>Kiosk, officer console and hall display open at once in Chromium, against the real server.</summary>
public sealed class HallBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task A_ticket_from_the_kiosk_is_called_at_the_desk_shown_and_announced_on_the_display_even_after_a_restart()
    {
        var kioskDevice = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Kiosk 1");
        var displayDevice = await _hall.EnrolAsync(DeviceKindDto.Display, "hall-main");
        using (var admin = await _hall.AdminApiAsync())
        {
            var roster = await admin.GetFromJsonAsync<RosterDto>("/api/roster");
            var energy = roster!.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
            var energyDesk = roster.Desks.First(d => d.ServiceIds.Contains(energy.Id));
            (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("aigerim", "Officer-pass-1", [energyDesk.Id]))).EnsureSuccessStatusCode();
        }

        // The admin sets the display's ticker on its page.
        var adminPage = await _hall.SignInAsync("admin", ServerProcess.AdminPassword, "/admin/devices");
        await adminPage.WaitForSelectorAsync("[data-page=devices][data-ready=true]");
        await adminPage.ClickAsync("[data-test=device][data-name='hall-main'] a");
        await adminPage.WaitForSelectorAsync("[data-page=display-settings][data-ready=true]");
        await adminPage.FillAsync("[data-test=ticker]", "Қош келдіңіз! <b>Добро пожаловать!</b><script>alert(1)</script>");
        await adminPage.ClickAsync("[data-test=save-display]");
        await adminPage.WaitForSelectorAsync("[data-test=saved]");

        var display = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } })).NewPageAsync();
        await display.GotoAsync(_hall.Url($"/display/enrol?token={displayDevice.Token}"));
        await display.WaitForSelectorAsync("[data-test=display][data-ready=true]");
        Assert.Equal("Қош келдіңіз! Добро пожаловать!", (await display.InnerTextAsync("[data-test=ticker]")).Trim());
        Assert.Null(await display.QuerySelectorAsync("[data-test=ticker] script"));

        var kiosk = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1080, Height = 1920 }, HasTouch = true })).NewPageAsync();
        await kiosk.GotoAsync(_hall.Url($"/kiosk/enrol?token={kioskDevice.Token}"));
        var first = await TakeTicketAsync(kiosk);

        var desk = await _hall.SignInAsync("aigerim", "Officer-pass-1", "/desk");
        await desk.WaitForSelectorAsync("[data-page=desk][data-ready=true]");
        await desk.WaitForSelectorAsync($"[data-test=waiting-row][data-number='{first}']");
        await desk.Keyboard.PressAsync("F2");
        Assert.Equal(first, await (await desk.WaitForSelectorAsync("[data-test=current-number]"))!.TextContentAsync());
        var deskNumber = await desk.InnerTextAsync("[data-test=desk-number]");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "desk-console-ru.png") });

        await display.WaitForSelectorAsync($"[data-test=call][data-number='{first}'][data-desk='{deskNumber}']");
        var announcer = await display.WaitForSelectorAsync("[data-test=announcer][data-announced='1']", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        Assert.Equal(first, await announcer!.GetAttributeAsync("data-last-announced"));
        Assert.EndsWith(".wav", await announcer.EvaluateAsync<string>("a => a.currentSrc"), StringComparison.Ordinal);

        // Complete the visit with an outcome and a topic.
        await desk.ClickAsync("[data-test=start]");
        await desk.ClickAsync("[data-test=complete-open]");
        await desk.SelectOptionAsync("[data-test=outcome]", "consulted");
        await desk.SelectOptionAsync("[data-test=topic]", "housing");
        await desk.FillAsync("[data-test=ksk]", "КСК «Самал-2»");
        await desk.ClickAsync("[data-test=complete]");
        await desk.WaitForSelectorAsync("[data-test=no-current]");

        // The server restarts; nobody touches the display, which shows the next call by itself.
        await _hall.RestartAsync();
        var second = await TakeTicketAsync(kiosk, afterRestart: true);
        desk = await _hall.SignInAsync("aigerim", "Officer-pass-1", "/desk");
        await desk.WaitForSelectorAsync("[data-page=desk][data-ready=true]");
        await desk.WaitForSelectorAsync($"[data-test=waiting-row][data-number='{second}']");
        await desk.ClickAsync("[data-test=call-next]");
        await desk.WaitForSelectorAsync($"[data-test=current-number]:has-text('{second}')");
        await display.WaitForSelectorAsync($"[data-test=call][data-number='{second}']", new() { Timeout = 90_000 });
        await display.WaitForSelectorAsync("[data-test=offline]", new() { State = WaitForSelectorState.Hidden });
    }

    private static async Task<string> TakeTicketAsync(IPage kiosk, bool afterRestart = false)
    {
        await kiosk.WaitForSelectorAsync("[data-test=kiosk][data-ready=true]", new() { Timeout = afterRestart ? 90_000 : 30_000 });
        if (await kiosk.IsVisibleAsync("[data-test=number]"))
        {
            await kiosk.ReloadAsync();
            await kiosk.WaitForSelectorAsync("[data-test=kiosk][data-ready=true]");
        }

        await kiosk.TapAsync("[data-test=topic-energy]"); // the energy agencies: the department is on the first page
        await kiosk.TapAsync("[data-test=service-energy]");
        await kiosk.TapAsync("[data-test=priority-none]");
        return (await (await kiosk.WaitForSelectorAsync("[data-test=number]"))!.TextContentAsync())!;
    }
}
