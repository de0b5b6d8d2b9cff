using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// A page of another origin (another port of the same host counts: the staff cookie goes with it)
/// cannot act with an officer's or admin's cookie: not by a form post, not by a body-less POST,
/// not over the hub. Callers that send their own credentials (device tokens) are not affected.
/// </summary>
public sealed class CrossSiteTests : IAsyncLifetime
{
    private const string OtherOrigin = "http://localhost:5081";
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;
    private Caller _officer = null!;
    private DeskDto _desk = null!;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        _desk = _hall.DeskOf("energy");
        _officer = await _app.OfficerAsync(_hall.Admin, "cross-site-officer", _desk.Id);
        using var officer = _app.Client(_officer);
        (await officer.PostAsJsonAsync($"/api/desks/{_desk.Id}/close", new CloseDeskRequest("lunch"))).EnsureSuccessStatusCode();
        Assert.False(await DeskOpenAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_form_post_from_another_origin_is_refused_and_changes_nothing()
    {
        using var browser = Browser(_officer);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{_desk.Id}/open") { Content = new FormUrlEncodedContent([]) };
        post.Headers.Add("Origin", OtherOrigin);
        post.Headers.Add("Sec-Fetch-Site", "same-site");
        post.Headers.Add("Sec-Fetch-Mode", "navigate");
        await (await browser.SendAsync(post)).ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.CrossSiteRequest);
        Assert.False(await DeskOpenAsync());

        // A sandboxed frame posts with an opaque origin: "null", and the browser names it cross-site.
        using var sandboxed = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{_desk.Id}/open") { Content = new FormUrlEncodedContent([]) };
        sandboxed.Headers.Add("Origin", "null");
        sandboxed.Headers.Add("Sec-Fetch-Site", "cross-site");
        await (await browser.SendAsync(sandboxed)).ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.CrossSiteRequest);
        Assert.False(await DeskOpenAsync());

        // An admin's reception session is not cancelled by one either.
        using var admin = _app.Client(_hall.Admin);
        var session = await (await admin.PostAsJsonAsync("/api/receptions/sessions", new CreateSessionRequest(
            "Сәрсенова Айгүл", null, new DateOnly(2026, 12, 1), "11:00", "12:00", 20, 1, _hall.DeskOf("personal-reception").Id))).OkAsync<ReceptionSessionDto>();
        using var adminBrowser = Browser(_hall.Admin);
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/receptions/sessions/{session.Id}/cancel") { Content = new FormUrlEncodedContent([]) };
        cancel.Headers.Add("Origin", OtherOrigin);
        await (await adminBrowser.SendAsync(cancel)).ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.CrossSiteRequest);
        var sessions = await admin.GetFromJsonAsync<List<ReceptionSessionDto>>("/api/receptions/sessions?from=2026-12-01&to=2026-12-01");
        Assert.False(sessions!.Single(s => s.Id == session.Id).Cancelled);
    }

    [Fact]
    public async Task A_cookie_request_that_a_form_could_send_is_refused_even_without_origin_headers()
    {
        // An old browser sends neither Origin nor Sec-Fetch-Site: what a form cannot carry decides.
        using var browser = Browser(_officer);
        await (await browser.PostAsync(new Uri($"/api/desks/{_desk.Id}/open", UriKind.Relative), new FormUrlEncodedContent([])))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.CrossSiteRequest);
        await (await browser.PostAsync(new Uri($"/api/desks/{_desk.Id}/open", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "text/plain")))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.CrossSiteRequest);
        await (await browser.PostAsync(new Uri($"/api/desks/{_desk.Id}/open", UriKind.Relative), null))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.CrossSiteRequest);
        Assert.False(await DeskOpenAsync());

        // A script of the app's own pages (or curl) says so with a header a form cannot set, or sends JSON.
        using var script = Browser(_officer);
        script.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        Assert.Equal(HttpStatusCode.OK, (await script.PostAsync(new Uri($"/api/desks/{_desk.Id}/open", UriKind.Relative), null)).StatusCode);
        using var json = Browser(_officer);
        Assert.Equal(HttpStatusCode.OK, (await json.PostAsJsonAsync($"/api/desks/{_desk.Id}/close", new CloseDeskRequest("lunch"))).StatusCode);
    }

    [Fact]
    public async Task Devices_with_their_own_token_and_same_origin_pages_keep_working()
    {
        // A kiosk program sends its bearer token: nothing ambient to forge.
        using var kiosk = _app.Client(_hall.Kiosk);
        await kiosk.IssuedAsync(_hall.Service("energy").Id);

        // The app's own page, same origin, with its cookie.
        using var page = Browser(_officer);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{_desk.Id}/open");
        post.Headers.Add("Origin", _app.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        post.Headers.Add("X-Requested-With", "XMLHttpRequest");
        Assert.Equal(HttpStatusCode.OK, (await page.SendAsync(post)).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_opened_from_another_origin_with_the_staff_cookie_is_refused()
    {
        await using var forged = HubFrom(_officer, OtherOrigin);
        await Assert.ThrowsAnyAsync<Exception>(() => forged.StartAsync());

        await using var own = HubFrom(_officer, _app.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        await own.StartAsync();
        Assert.NotNull(await own.InvokeAsync<SnapshotDto>(nameof(IFrontOfficeHub.GetSnapshot)));
    }

    /// <summary>A client that carries the staff cookie the way a browser does, and nothing else.</summary>
    private HttpClient Browser(Caller caller)
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", caller.Cookie);
        return client;
    }

    private async Task<bool> DeskOpenAsync()
    {
        using var admin = _app.Client(_hall.Admin);
        return (await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!.Desks.Single(d => d.DeskId == _desk.Id).IsOpen;
    }

    private HubConnection HubFrom(Caller caller, string origin) => new HubConnectionBuilder()
        .WithUrl(new Uri(_app.Server.BaseAddress, FrontOfficeRoutes.Hub), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
            o.WebSocketFactory = async (context, ct) =>
            {
                var ws = _app.Server.CreateWebSocketClient();
                ws.ConfigureRequest = request =>
                {
                    request.Headers.Cookie = caller.Cookie;
                    request.Headers.Origin = origin;
                };
                return await ws.ConnectAsync(context.Uri, ct);
            };
        })
        .Build();
}
