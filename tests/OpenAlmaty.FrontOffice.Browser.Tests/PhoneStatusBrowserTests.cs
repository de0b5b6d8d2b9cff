using System.Net.Http.Headers;
using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>The visitor's phone (390×844) on the status page of real tickets: its language, the switch, a no-show, axe-core.</summary>
public sealed class PhoneStatusBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;
    private HttpClient _kiosk = null!;
    private HttpClient _officer = null!;
    private int _energy;
    private int _desk;
    private string _deskNumber = null!;

    public async Task InitializeAsync()
    {
        _hall = await BrowserHall.StartAsync();
        using var admin = await _hall.AdminApiAsync();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        _energy = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy").Id;
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(_energy));
        (_desk, _deskNumber) = (desk.Id, desk.Number);
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("aigerim", "Officer-pass-1", [_desk]))).EnsureSuccessStatusCode();

        var device = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Kiosk 1");
        _kiosk = new HttpClient { BaseAddress = _hall.Server.Address };
        _kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", device.Token);
        _officer = await _hall.StaffApiAsync("aigerim", "Officer-pass-1");
    }

    public async Task DisposeAsync()
    {
        _kiosk.Dispose();
        _officer.Dispose();
        await _hall.DisposeAsync();
    }

    [Fact]
    public async Task An_english_visitor_reads_the_page_in_english_switches_to_russian_and_after_a_no_show_is_told_where_to_come_back()
    {
        var mine = await IssueAsync(VisitorLanguage.En);
        var shots = BrowserHall.Screens();
        var phone = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true }))
            .NewPageAsync();
        await phone.GotoAsync(_hall.Url($"/t/{mine.PublicId}"));

        // The ticket's language, one at a time; the place as the server counts it.
        await phone.WaitForSelectorAsync("[data-test=status][data-lang=en]");
        Assert.Equal(mine.Number, await phone.InnerTextAsync("[data-test=number]"));
        Assert.Equal("Your place in the queue: 1", await phone.InnerTextAsync("[data-test=position]"));
        Assert.StartsWith("Wait: ", await phone.InnerTextAsync("[data-test=wait]"), StringComparison.Ordinal);
        Assert.DoesNotContain("Кезектегі", await phone.InnerTextAsync("[data-test=status]"), StringComparison.Ordinal);
        await AssertNoSeriousViolationsAsync(phone, "waiting, en");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "status-phone-en.png") });

        await phone.TapAsync("[data-test=lang-ru]");
        await phone.WaitForSelectorAsync("[data-test=status][data-lang=ru]");
        Assert.Equal("Ваше место в очереди: 1", await phone.InnerTextAsync("[data-test=position]"));
        Assert.Equal("true", await phone.GetAttributeAsync("[data-test=lang-ru]", "aria-current"));
        Assert.Contains("lang=ru", phone.Url, StringComparison.Ordinal);
        await AssertNoSeriousViolationsAsync(phone, "waiting, ru");

        // Called, then not there: the page follows by itself and says where and within how long to come back.
        var called = await OfficerAsync($"/api/desks/{_desk}/call-next");
        Assert.Equal(mine.Id, called.Id);
        await phone.WaitForSelectorAsync("[data-test=status][data-state=Called]", new() { Timeout = 15_000 });
        Assert.Equal($"Вас вызывают! Пройдите к окну {_deskNumber}.", await phone.InnerTextAsync("[data-test=desk]"));
        await AssertNoSeriousViolationsAsync(phone, "called, ru");

        await OfficerAsync($"/api/tickets/{mine.Id}/no-show", new TicketActionRequest());
        await phone.WaitForSelectorAsync("[data-test=rejoin]", new() { Timeout = 15_000 });
        Assert.Equal("Вас вызывали, но вы не подошли.", await phone.InnerTextAsync("[data-test=no-show]"));
        Assert.Equal($"Подойдите к окну {_deskNumber} в течение 15 минут — ваша очередь сохранится.", await phone.InnerTextAsync("[data-test=rejoin]"));
        Assert.DoesNotContain("NoShow", await phone.InnerTextAsync("[data-test=status]"), StringComparison.Ordinal);
        await AssertNoSeriousViolationsAsync(phone, "no-show, ru");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "status-phone-no-show-ru.png") });
    }

    [Fact]
    public async Task A_completed_visit_asks_for_a_rating_in_the_tickets_language_and_passes_axe()
    {
        var mine = await IssueAsync(VisitorLanguage.Kk);
        Assert.Equal(mine.Id, (await OfficerAsync($"/api/desks/{_desk}/call-next")).Id);
        await OfficerAsync($"/api/tickets/{mine.Id}/complete", new CompleteTicketRequest());

        var phone = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true }))
            .NewPageAsync();
        await phone.GotoAsync(_hall.Url($"/t/{mine.PublicId}"));
        await phone.WaitForSelectorAsync("[data-test=status][data-lang=kk][data-state=Completed]");
        Assert.Equal("Қабылдау аяқталды. Рахмет!", await phone.InnerTextAsync("[data-test=done]"));
        await AssertNoSeriousViolationsAsync(phone, "completed, kk");
    }

    private async Task<TicketDto> IssueAsync(VisitorLanguage language)
    {
        using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(_energy, language)) };
        issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        return (await (await _kiosk.SendAsync(issue)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TicketDto>())!;
    }

    private async Task<TicketDto> OfficerAsync<TBody>(string path, TBody body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        var response = await _officer.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    private async Task<TicketDto> OfficerAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        var response = await _officer.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    /// <summary>axe-core with the 7:1 contrast rule on as well; fails on any serious or critical violation.</summary>
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
}
