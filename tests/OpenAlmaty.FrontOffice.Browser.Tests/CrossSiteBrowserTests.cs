using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>
/// The finding, as it was made: a page served from another port of the same host, opened in the
/// browser of a signed-in officer or admin, posts a form to the server. The staff cookie goes with
/// it (same site); the server must still refuse.
/// </summary>
public sealed class CrossSiteBrowserTests : IAsyncLifetime
{
    private const string OfficerPassword = "Medeu-rink-2026";
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task A_form_posted_by_a_page_of_another_origin_neither_opens_a_desk_nor_cancels_a_session()
    {
        using var admin = await _hall.AdminApiAsync();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy").Id));
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("cross-site", OfficerPassword, [desk.Id]))).EnsureSuccessStatusCode();
        using (var officerApi = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _hall.Server.Address })
        {
            (await officerApi.PostAsJsonAsync("/api/auth/login", new LoginRequest("cross-site", OfficerPassword))).EnsureSuccessStatusCode();
            (await officerApi.PostAsJsonAsync($"/api/desks/{desk.Id}/close", new CloseDeskRequest("lunch"))).EnsureSuccessStatusCode();
        }

        var officer = await _hall.SignInAsync("cross-site", OfficerPassword, "/desk");
        await officer.WaitForSelectorAsync("[data-page=desk][data-ready=true]");
        var response = await PostFromAnotherOriginAsync(officer.Context, _hall.Url($"/api/desks/{desk.Id}/open"));
        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        var snapshot = (await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        Assert.False(snapshot.Desks.Single(d => d.DeskId == desk.Id).IsOpen, "the other origin's form opened the desk");

        // The admin's reception session likewise.
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(1);
        ReceptionSessionDto? session = null;
        for (var i = 0; session is null && i < 30; i++, day = day.AddDays(1))
        {
            var created = await admin.PostAsJsonAsync("/api/receptions/sessions", new CreateSessionRequest(
                "Сәрсенова Айгүл", null, day, "10:00", "11:00", 20, 1, roster.Desks.First(d => d.ServiceIds.Count > 0).Id));
            session = created.IsSuccessStatusCode ? await created.Content.ReadFromJsonAsync<ReceptionSessionDto>() : null;
        }

        var adminPage = await _hall.SignInAsync("admin", ServerProcess.AdminPassword, "/admin/receptions");
        await adminPage.WaitForSelectorAsync("[data-page=receptions][data-ready=true]");
        response = await PostFromAnotherOriginAsync(adminPage.Context, _hall.Url($"/api/receptions/sessions/{session!.Id}/cancel"));
        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        var sessions = (await admin.GetFromJsonAsync<List<ReceptionSessionDto>>($"/api/receptions/sessions?from={session.Date:yyyy-MM-dd}&to={session.Date:yyyy-MM-dd}"))!;
        Assert.False(sessions.Single(s => s.Id == session.Id).Cancelled, "the other origin's form cancelled the session");
    }

    /// <summary>
    /// Opens a page of <c>http://127.0.0.1:&lt;another port&gt;</c> in the staff member's browser (served by the
    /// test, as any site on that port would serve it) that posts a form to <paramref name="target"/> at once.
    /// </summary>
    private static async Task<IResponse> PostFromAnotherOriginAsync(IBrowserContext context, string target)
    {
        var origin = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        await context.RouteAsync(origin + "/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<!doctype html><form id=f method=post action=\"{target}\"><input name=x value=1></form><script>document.getElementById('f').submit()</script>",
        }));
        var page = await context.NewPageAsync();
        return await page.RunAndWaitForResponseAsync(() => page.GotoAsync(origin + "/prize.html"), r => r.Url == target);
    }
}
