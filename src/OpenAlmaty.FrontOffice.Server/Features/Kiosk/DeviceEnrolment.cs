using OpenAlmaty.FrontOffice.Application.Devices;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Features.Kiosk;

public static class DeviceEnrolment
{
    /// <summary>
    /// Opened once on the kiosk's (or display's) browser with the token an admin got at enrolment: the browser
    /// keeps it in an HttpOnly cookie and is that device from then on.
    /// </summary>
    public static void MapDeviceEnrolment(this IEndpointRouteBuilder app)
    {
        MapEnrolment(app, "/kiosk/enrol", DeviceKind.Kiosk, _ => "/kiosk");
        MapEnrolment(app, "/display/enrol", DeviceKind.Display, d => "/display/" + Uri.EscapeDataString(d.Name));
    }

    private static void MapEnrolment(IEndpointRouteBuilder app, string path, DeviceKind kind, Func<DeviceIdentity, string> home) =>
        app.MapGet(path, async (string? token, DeviceTokens tokens, HttpContext http, CancellationToken ct) =>
        {
            var device = string.IsNullOrEmpty(token) ? null : await tokens.AuthenticateAsync(token, ct);
            if (device is null || device.Kind != kind)
            {
                return Results.Content("<p style=\"font-size:32px\">Белгісіз немесе қайтарылған токен. / Неизвестный или отозванный токен. / Unknown or revoked token.</p>",
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
            }

            http.Response.Cookies.Append(DeviceAuthentication.CookieName, token!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(3650),
                IsEssential = true,
            });
            return Results.Redirect(home(device));
        }).AllowAnonymous().ExcludeFromDescription();
}
