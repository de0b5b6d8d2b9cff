using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>
/// Every page of the app, opened in Chromium under the server's Content-Security-Policy: each comes
/// with the policy, becomes interactive (its circuit is up over the WebSocket) and the browser
/// refuses nothing it needs.
/// </summary>
public sealed class SecurityHeadersBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task Every_page_works_under_the_content_security_policy()
    {
        var kiosk = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "csp-kiosk");
        var display = await _hall.EnrolAsync(DeviceKindDto.Display, "csp-display");
        using var admin = await _hall.AdminApiAsync();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var energy = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(energy.Id));
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("csp-officer", "Shymbulak-2026", [desk.Id]))).EnsureSuccessStatusCode();
        using var kioskApi = new HttpClient { BaseAddress = _hall.Server.Address };
        kioskApi.DefaultRequestHeaders.Authorization = new("Bearer", kiosk.Token);
        using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(energy.Id)) };
        issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        var ticket = (await (await kioskApi.SendAsync(issue)).Content.ReadFromJsonAsync<TicketDto>())!;

        var violations = new ConcurrentQueue<string>();
        var unanswered = new List<string>();

        // Signed-out pages, and what a visitor's phone opens.
        var anonymous = await NewPageAsync(violations);
        await VisitAsync(anonymous, "/login", "[data-test=sign-in]", unanswered);
        await VisitAsync(anonymous, $"/t/{ticket.PublicId}", "[data-test=number]", unanswered);
        await VisitAsync(anonymous, "/b/NOSUCH23", "[data-test=unknown]", unanswered);
        await VisitAsync(anonymous, "/api/reference/", "text=/OpenAlmaty/i", unanswered);

        // Every admin page, signed in through the login page.
        var adminPage = await _hall.SignInAsync("admin", ServerProcess.AdminPassword, "/admin/devices");
        Watch(adminPage, violations);
        var devices = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!;
        foreach (var (path, ready) in new[]
        {
            ("/admin/devices", "[data-page=devices][data-ready=true]"),
            ("/admin", "a[href='/admin/dashboard']"),
            ("/admin/dashboard", "[data-page=dashboard][data-ready=true]"),
            ("/admin/reports", "[data-page=reports][data-ready=true]"),
            ("/admin/roster", "[data-page=roster][data-ready=true]"),
            ("/admin/people", "[data-page=people][data-ready=true]"),
            ($"/admin/devices/{devices.Single(d => d.Name == "csp-kiosk").Id}", "[data-page=kiosk-printer][data-ready=true]"),
            ($"/admin/displays/{devices.Single(d => d.Name == "csp-display").Id}", "[data-page=display-settings][data-ready=true]"),
            ("/admin/receptions", "[data-page=receptions][data-ready=true]"),
            ("/admin/calendar", "[data-page=calendar][data-ready=true]"),
            ("/admin/audit", "[data-page=audit][data-ready=true]"),
            ("/admin/privacy", "[data-page=privacy][data-ready=true]"),
        })
        {
            await VisitAsync(adminPage, path, ready, unanswered);
        }

        // The officer's console, the kiosk and the hall display.
        var deskPage = await _hall.SignInAsync("csp-officer", "Shymbulak-2026", "/desk");
        Watch(deskPage, violations);
        await VisitAsync(deskPage, "/desk", "[data-page=desk][data-ready=true]", unanswered);
        var kioskPage = await NewPageAsync(violations);
        await VisitAsync(kioskPage, $"/kiosk/enrol?token={kiosk.Token}", "[data-test=kiosk][data-ready=true]", unanswered);
        await kioskPage.ClickAsync("[data-test=lang-ru]");
        await kioskPage.WaitForSelectorAsync("[data-test=kind-agency]");
        var displayPage = await NewPageAsync(violations);
        await VisitAsync(displayPage, $"/display/enrol?token={display.Token}", "[data-test=display][data-ready=true]", unanswered);

        Assert.True(unanswered.Count == 0, "pages without the policy: " + string.Join(" | ", unanswered));
        Assert.True(violations.IsEmpty, "the browser refused: " + string.Join(Environment.NewLine, violations));
    }

    private async Task<IPage> NewPageAsync(ConcurrentQueue<string> violations)
    {
        var page = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } })).NewPageAsync();
        Watch(page, violations);
        return page;
    }

    private static void Watch(IPage page, ConcurrentQueue<string> violations)
    {
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Enqueue($"{page.Url}: uncaught {error}");
    }

    private async Task VisitAsync(IPage page, string path, string ready, List<string> unanswered)
    {
        var response = await page.GotoAsync(_hall.Url(path));
        await page.WaitForSelectorAsync(ready, new() { State = WaitForSelectorState.Attached });
        var policy = response is null ? null : await response.HeaderValueAsync("content-security-policy");
        if (policy is null || !policy.Contains("default-src 'self'", StringComparison.Ordinal))
        {
            unanswered.Add($"{path}: {policy ?? "none"}");
        }
    }
}
