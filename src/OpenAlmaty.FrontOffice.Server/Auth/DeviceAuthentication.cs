using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Devices;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Auth;

/// <summary>
/// Authenticates enrolled kiosks and displays by their bearer token (<c>Authorization: Bearer</c>,
/// or the <c>access_token</c> query on the hub, where browsers cannot set headers).
/// </summary>
public sealed class DeviceAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DeviceTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Device";
    public const string KindClaim = "device_kind";

    /// <summary>The cookie an enrolled kiosk or display browser keeps its token in.</summary>
    public const string CookieName = "oa.device";

    /// <summary>
    /// How long an enrolled browser stays enrolled without being used: every request that authenticates
    /// by the cookie renews it, so a kiosk in service never lapses, and one taken out of the hall (or a
    /// browser enrolled once for a try) stops being a device after three months, where ten years were.
    /// </summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(90);

    /// <summary>Gives the browser the device's cookie, or renews it for another <see cref="CookieLifetime"/>.</summary>
    public static void KeepCookie(HttpContext http, string token) =>
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = CookieLifetime,
            IsEssential = true,
        });

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (request.Path.StartsWithSegments(FrontOfficeRoutes.Hub) && request.Query["access_token"] is { Count: 1 } q)
        {
            return q.ToString();
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie.Length > 0 ? cookie : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var device = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (device is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked device token.");
        }

        if (Request.Headers.Authorization.Count == 0 && Request.Cookies.TryGetValue(CookieName, out var cookie) && cookie == token && !Response.HasStarted)
        {
            KeepCookie(Context, token);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, device.Id.ToString()),
            new Claim(ClaimTypes.Name, device.Name),
            new Claim(KindClaim, device.Kind.ToString().ToLowerInvariant()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
