using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlmaty.FrontOffice.Application.Devices;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Components.Devices;

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

            DeviceAuthentication.KeepCookie(http, token!);
            return Results.Redirect(home(device));
        }).AllowAnonymous().ExcludeFromDescription();
}

/// <summary>
/// The kiosk's and the display's pages, opened by a browser that is no enrolled device (or no longer
/// is): it gets <see cref="NotEnrolledPage"/>, in Kazakh and Russian, where the API answers problem+json.
/// </summary>
public static class DevicePages
{
    /// <summary>Which device's page a browser asked for (a GET that takes HTML), or null for any other request.</summary>
    public static DeviceKind? Asked(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || !request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            return null;
        }

        return request.Path.StartsWithSegments("/kiosk", StringComparison.OrdinalIgnoreCase) ? DeviceKind.Kiosk
            : request.Path.StartsWithSegments("/display", StringComparison.OrdinalIgnoreCase) ? DeviceKind.Display
            : null;
    }

    /// <summary>The page, with the refusal's status code kept (401 or 403).</summary>
    public static Task WriteNotEnrolledAsync(HttpContext http, DeviceKind kind) =>
        new RazorComponentResult<NotEnrolledPage>(new Dictionary<string, object?> { [nameof(NotEnrolledPage.Kind)] = kind })
        {
            StatusCode = http.Response.StatusCode,
        }.ExecuteAsync(http);
}
