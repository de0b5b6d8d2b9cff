using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>An administrator renames a service; the kiosk a visitor is looking at shows the new name without a reload.</summary>
public sealed class RosterBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task The_admin_renames_a_service_and_the_open_kiosk_shows_it_without_a_reload()
    {
        var device = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Hall kiosk 1");
        var kiosk = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1080, Height = 1920 }, HasTouch = true })).NewPageAsync();
        await kiosk.GotoAsync(_hall.Url($"/kiosk/enrol?token={device.Token}"));
        await kiosk.WaitForSelectorAsync("[data-test=kiosk][data-ready=true]");
        // The visitor has chosen the energy department (a tile names the agency; the screen after it, agency and service).
        await kiosk.TapAsync("[data-test=topic-energy]");
        await kiosk.TapAsync("[data-test=service-energy]");
        var before = await kiosk.InnerTextAsync("[data-test=chosen]");
        Assert.DoesNotContain("Жылу, су және жарық", before, StringComparison.Ordinal);
        await kiosk.EvaluateAsync("() => window.__sameDocument = true"); // gone if the page reloads

        var admin = await _hall.SignInAsync("admin", ServerProcess.AdminPassword, "/admin/roster");
        await admin.WaitForSelectorAsync("[data-page=roster][data-ready=true]");
        var energyAgency = await admin.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('[data-test=roster-agency] option')].find(o => o.textContent.includes('энергетики')).value");
        await admin.SelectOptionAsync("[data-test=roster-agency]", energyAgency);
        await admin.WaitForSelectorAsync("[data-test=service-energy]");

        // A clash is refused with a message and changes nothing.
        await admin.FillAsync("[data-test=service-energy] [data-test=service-hours]", "always");
        await admin.ClickAsync("[data-test=service-energy] [data-test=service-save]");
        await admin.WaitForSelectorAsync("[data-test=error]");

        await admin.FillAsync("[data-test=service-energy] [data-test=service-hours]", "Mon-Fri 09:00-18:00");
        await admin.FillAsync("[data-test=service-energy] [data-test=service-name-kk]", "Жылу, су және жарық");
        await admin.FillAsync("[data-test=service-energy] [data-test=service-target]", "20");
        await admin.ClickAsync("[data-test=service-energy] [data-test=service-save]");
        await admin.WaitForSelectorAsync("[data-test=saved]");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-roster.png"), FullPage = false });

        await kiosk.WaitForSelectorAsync("[data-test=chosen]:has-text('Жылу, су және жарық')");
        Assert.True(await kiosk.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the kiosk page was not reloaded");
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "kiosk-services-renamed-kk.png") });

        // The audit log names who renamed it.
        await admin.GotoAsync(_hall.Url("/admin/audit"));
        await admin.WaitForSelectorAsync("[data-page=audit][data-ready=true]");
        Assert.Contains("Жылу, су және жарық", await admin.InnerTextAsync("[data-test=audit-entry][data-action='roster.service.update']"), StringComparison.Ordinal);
        await admin.ClickAsync("[data-test=audit-verify]");
        await admin.WaitForSelectorAsync("[data-test=audit-intact]");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-audit.png") });

        // A visitor takes a ticket: the dashboard, open on the admin's screen, counts it by itself.
        await admin.GotoAsync(_hall.Url("/admin/dashboard"));
        await admin.WaitForSelectorAsync("[data-page=dashboard][data-ready=true]");
        var row = $"[data-test=agency-now][data-agency='{energyAgency}']";
        Assert.Equal("0", (await admin.InnerTextAsync($"{row} td:nth-child(3)")).Trim());
        await kiosk.TapAsync("[data-test=priority-none]");
        await kiosk.WaitForSelectorAsync("[data-test=number]");
        await admin.WaitForFunctionAsync($"() => document.querySelector(\"{row} td:nth-child(3)\")?.textContent.trim() === '1'");
        Assert.Equal("green", await admin.GetAttributeAsync(row, "data-sla"));
        Assert.True(await admin.Locator("[data-test=chart-load] rect").CountAsync() >= 10);
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-dashboard.png"), FullPage = true });

        await admin.GotoAsync(_hall.Url("/admin/reports"));
        await admin.WaitForSelectorAsync("[data-page=reports][data-ready=true]");
        await admin.ClickAsync("[data-test=report-show]");
        await admin.WaitForSelectorAsync("[data-test=report-agencies]"); // this hall runs in training mode: its tickets are not counted
        Assert.Equal(0, await admin.Locator("[data-test=report-agency]").CountAsync());
        var pdf = await admin.GetAttributeAsync("[data-test=report-pdf]", "href");
        var download = await admin.APIRequest.GetAsync(_hall.Url(pdf!));
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-reports.png"), FullPage = true });

        // People: the admin adds an officer and gives them a desk.
        await admin.GotoAsync(_hall.Url("/admin/people"));
        await admin.WaitForSelectorAsync("[data-page=people][data-ready=true]");
        await admin.FillAsync("[data-test=new-user]", "aliya");
        await admin.FillAsync("[data-test=new-password]", "Samal-tau-2026");
        await admin.ClickAsync("[data-test=create-officer]");
        await admin.WaitForSelectorAsync("[data-test=account-panel]");
        await admin.CheckAsync("[data-test=account-panel] [data-test='desk-1']");
        await admin.ClickAsync("[data-test=save-desks]");
        await admin.WaitForSelectorAsync("[data-test=account][data-user=aliya] td:nth-child(3):has-text('1')");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-people.png"), FullPage = true });

        // Personal data: a period out of range is refused in words, a good one is kept and audited.
        await admin.GotoAsync(_hall.Url("/admin/privacy"));
        await admin.WaitForSelectorAsync("[data-page=privacy][data-ready=true]");
        await admin.FillAsync("[data-test=retention-input]", "0");
        await admin.ClickAsync("[data-test=retention-save]");
        Assert.Contains("3650", await (await admin.WaitForSelectorAsync("[data-test=error]"))!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("365", await admin.GetAttributeAsync("[data-test=retention]", "data-days"));
        await admin.FillAsync("[data-test=retention-input]", "180");
        await admin.ClickAsync("[data-test=retention-save]");
        await admin.WaitForSelectorAsync("[data-test=retention][data-days='180'] [data-test=saved]");
        Assert.Null(await admin.QuerySelectorAsync("[data-test=error]"));
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-privacy.png"), FullPage = true });
        await admin.GotoAsync(_hall.Url("/admin/audit"));
        await admin.WaitForSelectorAsync("[data-page=audit][data-ready=true]");
        Assert.Contains("365 → 180", await admin.InnerTextAsync("[data-test=audit-entry][data-action='settings.retention']"), StringComparison.Ordinal);
    }
}
