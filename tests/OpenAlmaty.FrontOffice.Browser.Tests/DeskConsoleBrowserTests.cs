using System.Net.Http.Headers;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>An officer's morning at the console in Chromium at 1366×900, against the real server: by mouse where a person
/// clicks, by keyboard where the console promises keys.</summary>
public sealed class DeskConsoleBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;
    private readonly List<TicketDto> _tickets = [];
    private AgencyDto _district = null!;
    private readonly OpenAlmaty.FrontOffice.Printing.Tests.FakePrinter _printer = new();

    public async Task InitializeAsync()
    {
        _hall = await BrowserHall.StartAsync();
        var kioskDevice = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Kiosk 1");
        using var admin = await _hall.AdminApiAsync();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var energy = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        _district = roster.Agencies.First(a => a.Kind == AgencyKindDto.District && a.Services.Count > 0);
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(energy.Id));
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("aigerim", "Officer-pass-1", [desk.Id]))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("bolat", "Officer-pass-2", []))).EnsureSuccessStatusCode();
        using var kiosk = new HttpClient { BaseAddress = _hall.Server.Address };
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", kioskDevice.Token);
        for (var i = 0; i < 5; i++)
        {
            using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(energy.Id)) };
            issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
            _tickets.Add((await (await kiosk.SendAsync(issue)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TicketDto>())!);
        }

        // The kiosk's printer, set once the tickets are out: what it prints from now on is a reprint.
        (await admin.PutAsJsonAsync($"/api/admin/devices/{kioskDevice.Id}/printer", new PrinterSettingsRequest($"127.0.0.1:{_printer.Port}", "epson-80"))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _hall.DisposeAsync();
        await _printer.DisposeAsync();
    }

    [Fact]
    public async Task An_officer_calls_by_choice_in_one_click_confirms_the_last_recall_rejoins_filters_transfers_and_completes_by_keyboard()
    {
        var page = await _hall.SignInAsync("aigerim", "Officer-pass-1", "/desk");
        await page.WaitForSelectorAsync("[data-page=desk][data-ready=true]");
        await page.WaitForSelectorAsync($"[data-test=waiting-row][data-number='{_tickets[4].Number}']");

        // Out of turn: the reason typed, then one click calls (the button does not wait for the field to lose focus).
        var chosen = _tickets[1].Number;
        await page.ClickAsync($"[data-test=waiting-row][data-number='{chosen}'] [data-test=choose]");
        await page.Locator("[data-test=choose-reason]").PressSequentiallyAsync("с ребёнком");
        await page.ClickAsync("[data-test=choose-confirm]", new() { Timeout = 3000 });
        await page.WaitForSelectorAsync($"[data-test=current-number]:text-is('{chosen}')");

        // F3 three times, then the fourth asks before it makes the visitor a no-show.
        for (var i = 1; i <= 3; i++)
        {
            await page.Keyboard.PressAsync("F3");
            await page.WaitForSelectorAsync($"[data-test=recalls]:text-is('{i} / 3')");
        }

        await page.Keyboard.PressAsync("F3");
        var confirm = await page.WaitForSelectorAsync("[data-test=recall-confirm]");
        Assert.Contains("не пришёл", await confirm!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(chosen, await page.InnerTextAsync("[data-test=current-number]"));
        await page.ClickAsync("[data-test=recall-confirm-yes]");
        await page.WaitForSelectorAsync("[data-test=no-current]");
        var noShow = await page.WaitForSelectorAsync($"[data-test=no-show-row][data-number='{chosen}']");
        Assert.Matches("осталось: 1[45] мин", await (await noShow!.QuerySelectorAsync("[data-test=minutes-left]"))!.InnerTextAsync());

        // Back within the window: one click and the visitor waits again, at the original arrival time.
        await page.ClickAsync($"[data-test=no-show-row][data-number='{chosen}'] [data-test=rejoin]");
        await page.WaitForSelectorAsync($"[data-test=waiting-row][data-number='{chosen}']");
        Assert.Equal(0, await page.Locator("[data-test=no-show-row]").CountAsync());

        await page.Keyboard.PressAsync("F2");
        await page.WaitForSelectorAsync("[data-test=current-number]");
        var serving = await page.InnerTextAsync("[data-test=current-number]");

        // The transfer list names every agency in full, and typing narrows it to one agency's services.
        await page.ClickAsync("[data-test=transfer-open]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-test=transfer-to] optgroup').length > 10");
        var agencies = await page.Locator("[data-test=transfer-to] optgroup").EvaluateAllAsync<string[]>("gs => gs.map(g => g.label)");
        Assert.Contains(_district.NameRu, agencies);
        Assert.True(agencies.Length > 10, $"{agencies.Length} agencies offered");
        await page.Locator("[data-test=transfer-filter]").PressSequentiallyAsync(_district.NameRu);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-test=transfer-to] optgroup').length === 1");
        Assert.Equal([_district.NameRu], await page.Locator("[data-test=transfer-to] optgroup").EvaluateAllAsync<string[]>("gs => gs.map(g => g.label)"));
        Assert.Equal(_district.Services.Count + 1, await page.Locator("[data-test=transfer-to] option").CountAsync());
        await page.ClickAsync("[data-test=transfer-panel] button:not([data-test])"); // cancel

        // F4: the panel opens with the keyboard on the outcome; arrows choose, Tab moves on, Enter completes.
        await page.Keyboard.PressAsync("F4");
        await page.WaitForSelectorAsync("[data-test=complete-panel]");
        await page.WaitForFunctionAsync("() => document.activeElement?.dataset.test === 'outcome'");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-test=outcome]').value !== ''");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("topic", await page.EvaluateAsync<string>("() => document.activeElement.dataset.test"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-test=no-current]");
        await page.WaitForSelectorAsync("[data-test=my-served]:text-is('1')");

        // The lists an officer keeps an eye on, for the picture: a no-show, a parked visitor and a number looked up.
        await page.Keyboard.PressAsync("F2");
        await page.WaitForSelectorAsync("[data-test=no-show]");
        await page.ClickAsync("[data-test=no-show]");
        await page.WaitForSelectorAsync("[data-test=no-show-row]");
        await page.Keyboard.PressAsync("F2");
        await page.WaitForSelectorAsync("[data-test=park]");
        await page.ClickAsync("[data-test=park]");
        await page.WaitForSelectorAsync("[data-test=unpark]");
        await page.Keyboard.PressAsync("F2");
        await page.WaitForSelectorAsync("[data-test=current-number]");
        await page.FillAsync("[data-test=search-number]", serving);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync($"[data-test=search-row][data-number='{serving}'] [data-test=search-state]:text-is('Обслужен(а)')");

        // The visitor at the desk lost the paper: a reprint, marked as a copy in the visitor's language.
        await page.ClickAsync("[data-test=reprint-current]");
        await page.WaitForSelectorAsync("[data-test=notice]:has-text('перепечатан')");
        var copy = Convert.ToHexString(OpenAlmaty.FrontOffice.Printing.EscPos.PrinterCodePage.Kz1048.Encode("КӨШІРМЕ"));
        Assert.Contains(copy, Convert.ToHexString(_printer.Printed), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "desk-console.png"), FullPage = true });
    }

    [Fact]
    public async Task An_officer_without_a_desk_reads_a_plain_page_in_kazakh_not_an_error()
    {
        var page = await _hall.SignInAsync("bolat", "Officer-pass-2", "/desk", language: "kk");
        var refusal = await page.WaitForSelectorAsync("[data-page=desk][data-ready=true] [data-test=desk-refusal][data-reason=NoDesk]");
        Assert.Contains("Сізге терезе бекітілмеген", await refusal!.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "desk-no-desk.png") });

        // Another officer's desk by its address: refused in words, never a server error.
        var response = await page.GotoAsync(_hall.Url("/desk/1"));
        Assert.Equal(200, response!.Status);
        await page.WaitForSelectorAsync("[data-page=desk][data-ready=true] [data-test=desk-refusal]");
    }
}
