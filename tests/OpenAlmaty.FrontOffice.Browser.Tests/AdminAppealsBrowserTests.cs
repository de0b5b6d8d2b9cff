using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>An appeal from a personal-reception visit on the appeals page: registered, refused twice, extended with a reason, closed after a confirmation.</summary>
public sealed class AdminAppealsBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    /// <summary>Two visitors seen at the personal-reception desk, as the desk would do it.</summary>
    private async Task<List<TicketDto>> ReceptionVisitsAsync()
    {
        using var admin = await _hall.AdminApiAsync();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var reception = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "personal-reception");
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(reception.Id));
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("deputy-desk", "Officer-pass-1", [desk.Id]))).EnsureSuccessStatusCode();
        using var officer = await _hall.StaffApiAsync("deputy-desk", "Officer-pass-1");
        (await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var device = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Hall kiosk");
        using var kiosk = new HttpClient { BaseAddress = _hall.Server.Address };
        kiosk.DefaultRequestHeaders.Authorization = new("Bearer", device.Token);
        var visits = new List<TicketDto>();
        for (var i = 0; i < 2; i++)
        {
            using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(reception.Id, VisitorLanguage.Ru)) };
            issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
            (await kiosk.SendAsync(issue)).EnsureSuccessStatusCode();
            var called = (await (await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/call-next", UriKind.Relative), null)).Content.ReadFromJsonAsync<TicketDto>())!;
            (await officer.PostAsJsonAsync($"/api/tickets/{called.Id}/complete", new CompleteTicketRequest("appeal-registered", "energy"))).EnsureSuccessStatusCode();
            visits.Add(called);
        }

        (await admin.PostAsJsonAsync("/api/receptions/appeals", new RegisterAppealRequest(visits[0].Id, "ЖТ-2026-0700", "Ауладағы жарық"))).EnsureSuccessStatusCode();
        return visits;
    }

    [Fact]
    public async Task An_appeal_is_registered_from_a_visit_extended_with_a_reason_and_closed_after_a_confirmation()
    {
        var visits = await ReceptionVisitsAsync();
        var page = await _hall.SignInAsync("admin", ServerProcess.AdminPassword, "/admin");
        await page.ClickAsync("[data-test=home-appeals]");
        await page.WaitForSelectorAsync("[data-page=appeals][data-ready=true]");
        Assert.Equal("В срок", await page.InnerTextAsync("[data-test=appeal][data-number='ЖТ-2026-0700'] [data-test=appeal-standing]"));

        // Only the visit without an appeal is offered; the number already used is refused in Russian.
        var offered = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-test=register-visit] option')].map(o => o.value).filter(v => v)");
        Assert.Equal([visits[1].Id.ToString()], offered);
        await page.SelectOptionAsync("[data-test=register-visit]", visits[1].Id.ToString());
        await page.FillAsync("[data-test=register-number]", "ЖТ-2026-0700");
        await page.FillAsync("[data-test=register-subject]", "Су құбыры");
        await page.ClickAsync("[data-test=register-save]");
        Assert.StartsWith("Обращение с таким регистрационным номером уже есть", await page.InnerTextAsync("[data-test=error]"), StringComparison.Ordinal);

        await page.FillAsync("[data-test=register-number]", "ЖТ-2026-0701");
        await page.ClickAsync("[data-test=register-save]");
        await page.WaitForSelectorAsync("[data-test=appeal][data-number='ЖТ-2026-0701']");

        // Extending asks for the reason: without one it is refused, with one the new date shows.
        await page.ClickAsync("[data-test=appeal][data-number='ЖТ-2026-0701'] [data-test=appeal-extend]");
        await page.ClickAsync("[data-test=extend-save]");
        await page.WaitForSelectorAsync("[data-test=error]:has-text('Неверные данные')");
        await page.FillAsync("[data-test=extend-reason]", "Нужен выезд на место");
        await page.ClickAsync("[data-test=extend-save]");
        await page.WaitForSelectorAsync("[data-test=saved]:has-text('продлён')");
        await page.WaitForSelectorAsync("[data-test=appeal][data-number='ЖТ-2026-0701']:has-text('продлено')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-appeals.png"), FullPage = true });

        // Closing asks first, naming the appeal.
        await page.ClickAsync("[data-test=appeal][data-number='ЖТ-2026-0700'] [data-test=appeal-close]");
        Assert.Equal("Закрыть обращение № ЖТ-2026-0700?", await page.InnerTextAsync("[data-test=confirm-text]"));
        await page.ClickAsync("[data-test=confirm-yes]");
        await page.WaitForSelectorAsync("[data-test=appeal][data-number='ЖТ-2026-0700']", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        using var admin = await _hall.AdminApiAsync();
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=appeal."))!;
        Assert.Equal(["appeal.close", "appeal.extend", "appeal.register", "appeal.register"], audit.Select(e => e.Action));
        Assert.EndsWith("Нужен выезд на место", audit[1].Detail, StringComparison.Ordinal);
    }
}
