using System.Net;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>An enrolled browser's cookie lasts 90 days from its last use, renewed while the kiosk works (it lasted ten years).</summary>
public sealed class DeviceCookieTests : IAsyncLifetime
{
    private const string NinetyDays = "max-age=7776000";

    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_device_cookie_lasts_ninety_days_and_each_use_renews_it()
    {
        using var browser = _app.Client(Caller.Anonymous);
        var enrolled = await browser.GetAsync(new Uri($"/kiosk/enrol?token={_hall.Kiosk.Token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var cookie = DeviceCookie(enrolled);
        Assert.Contains(NinetyDays, cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var kiosk = _app.Client(Caller.Anonymous);
        kiosk.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        var used = await kiosk.GetAsync(new Uri("/api/roster", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Contains(NinetyDays, DeviceCookie(used), StringComparison.OrdinalIgnoreCase);

        // A bearer token (the print agent, scripts) has no cookie to renew.
        using var agent = _app.Client(_hall.Kiosk);
        Assert.False((await agent.GetAsync(new Uri("/api/roster", UriKind.Relative))).Headers.Contains("Set-Cookie"));
    }

    private static string DeviceCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oa.device=", StringComparison.Ordinal));
}
