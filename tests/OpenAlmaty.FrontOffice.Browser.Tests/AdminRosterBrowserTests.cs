using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>An administrator adds an agency through the roster page, retires it after the confirmation, and restores it.</summary>
public sealed class AdminRosterBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task An_agency_added_on_the_page_is_retired_after_a_confirmation_and_restored()
    {
        var admin = await _hall.SignInAsync("admin", ServerProcess.AdminPassword, "/admin/roster");
        await admin.WaitForSelectorAsync("[data-page=roster][data-ready=true]");

        // A bad code is refused in Russian, and nothing is added.
        await admin.ClickAsync("[data-test=new-agency] summary");
        await admin.FillAsync("[data-test=new-agency-code]", "Газ Сети");
        await admin.ClickAsync("[data-test=new-agency-create]");
        Assert.StartsWith("Неверные данные", await admin.InnerTextAsync("[data-test=new-agency-error]"), StringComparison.Ordinal);

        await admin.FillAsync("[data-test=new-agency-code]", "gas-network");
        await admin.FillAsync("[data-test=new-agency-kk]", "Газ желілері");
        await admin.FillAsync("[data-test=new-agency-ru]", "Газовые сети");
        await admin.FillAsync("[data-test=new-agency-en]", "Gas network");
        await admin.FillAsync("[data-test=new-agency-service-code]", "gas-leaks");
        await admin.FillAsync("[data-test=new-agency-service-prefix]", "GL");
        await admin.FillAsync("[data-test=new-agency-service-kk]", "Газ ағуы");
        await admin.FillAsync("[data-test=new-agency-service-ru]", "Утечки газа");
        await admin.FillAsync("[data-test=new-agency-service-en]", "Gas leaks");
        await admin.ClickAsync("[data-test=new-agency-create]");
        await admin.WaitForSelectorAsync("[data-test=saved]:has-text('Орган добавлен')");
        await admin.WaitForSelectorAsync("[data-test=service-gas-leaks]"); // the new agency is the one chosen
        using var api = await _hall.AdminApiAsync();
        var agency = (await api.GetFromJsonAsync<RosterDto>("/api/roster"))!.Agencies.Single(a => a.Code == "gas-network");
        Assert.Equal("GL", Assert.Single(agency.Services).TicketPrefix);
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-roster.png"), FullPage = true });

        // Retire asks first, naming the agency and the services that go with it; "cancel" changes nothing.
        await admin.ClickAsync("[data-test=agency-retire]");
        Assert.Equal("Вывести орган «Газовые сети»?", await admin.InnerTextAsync("[data-test=confirm-text]"));
        Assert.Contains("GL · Утечки газа", await admin.InnerTextAsync("[data-test=confirm]"), StringComparison.Ordinal);
        await admin.ClickAsync("[data-test=confirm-no]");
        await admin.WaitForSelectorAsync("[data-test=confirm]", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        Assert.False((await api.GetFromJsonAsync<RosterDto>("/api/roster?includeRetired=true"))!.Agencies.Single(a => a.Id == agency.Id).Retired);

        await admin.ClickAsync("[data-test=agency-retire]");
        await admin.ClickAsync("[data-test=confirm-yes]");
        await admin.WaitForSelectorAsync("[data-test=saved]:has-text('Орган выведен')");
        Assert.True((await api.GetFromJsonAsync<RosterDto>("/api/roster?includeRetired=true"))!.Agencies.Single(a => a.Id == agency.Id).Retired);

        // The retired list is folded away; opened, it offers the agency back.
        Assert.False(await admin.IsVisibleAsync("[data-test=retired-agency-gas-network]"));
        await admin.ClickAsync("[data-test=retired] summary");
        await admin.ClickAsync("[data-test=retired-agency-gas-network] [data-test=restore-agency]");
        await admin.WaitForSelectorAsync("[data-test=saved]:has-text('Возвращено: Газовые сети')");
        var back = (await api.GetFromJsonAsync<RosterDto>("/api/roster"))!.Agencies.Single(a => a.Id == agency.Id);
        Assert.False(Assert.Single(back.Services).Retired);
        await admin.WaitForSelectorAsync("[data-test=retired-agency-gas-network]", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });

        // The audit log tells it in words, filtered to the agency's actions.
        await admin.GotoAsync(_hall.Url("/admin/audit"));
        await admin.WaitForSelectorAsync("[data-page=audit][data-ready=true]");
        await admin.SelectOptionAsync("[data-test=audit-filter]", "roster.agency.restore");
        await admin.FillAsync("[data-test=audit-actor]", "admin");
        await admin.ClickAsync("[data-test=audit-apply]");
        await admin.WaitForFunctionAsync("() => document.querySelectorAll('[data-test=audit-entry]').length === 1");
        Assert.Contains("Возвращён орган", await admin.InnerTextAsync("[data-test=audit-entry]"), StringComparison.Ordinal);
        Assert.DoesNotContain("roster.agency", await admin.InnerTextAsync("[data-test=audit-entries]"), StringComparison.Ordinal);
        await admin.SelectOptionAsync("[data-test=audit-filter]", "");
        await admin.ClickAsync("[data-test=audit-apply]");
        await admin.WaitForFunctionAsync("() => document.querySelectorAll('[data-test=audit-entry]').length > 1");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-audit.png") });
    }
}
