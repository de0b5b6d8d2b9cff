using Microsoft.AspNetCore.Antiforgery;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Problems;

namespace OpenAlmaty.FrontOffice.Server.Security;

/// <summary>
/// Forgery across origins. A browser sends the staff cookie (<c>oa.staff</c>) and a kiosk's or
/// display's cookie (<c>oa.device</c>) with any request to this server, also from a page of another
/// port of the same host (SameSite sees one site there). So every request that changes something
/// and is authenticated by such a cookie — any method but GET/HEAD/OPTIONS/TRACE, and the WebSocket
/// of the hub and of the Blazor circuit — must show it comes from this server's own pages:
/// <list type="bullet">
/// <item>the browser's <c>Sec-Fetch-Site</c>, when sent, is <c>same-origin</c> (or <c>none</c>: typed by the user);</item>
/// <item>the <c>Origin</c>, when sent, is this server;</item>
/// <item>and on <c>/api/</c> the request carries what a form post cannot: a JSON body or an
/// <c>X-Requested-With</c> header (a cross-origin script cannot add either without a CORS preflight,
/// which this server never grants).</item>
/// </list>
/// Requests with their own credentials (<c>Authorization: Bearer</c>, the hub's <c>access_token</c>)
/// carry nothing a browser adds by itself and are left alone. Forms of the pages themselves are also
/// checked by Blazor's antiforgery token.
/// </summary>
public static class CrossSiteRequests
{
    public const string RequestedWithHeader = "X-Requested-With";

    public static void UseCrossSiteRequestChecks(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (Refuses(http.Request) is { } why)
        {
            await ProblemExceptionHandler.Write(http, ProblemTypes.CrossSiteRequest, StatusCodes.Status403Forbidden, why).ExecuteAsync(http);
            return;
        }

        await next(http);
    });

    /// <summary>Why the request is refused, or null when it may go on.</summary>
    public static string? Refuses(HttpRequest request)
    {
        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        var socket = request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);
        if ((!changes && !socket) || !CarriesAmbientCredentials(request))
        {
            return null;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return $"Sent by a page of another origin (Sec-Fetch-Site: {site}).";
        }

        var origin = request.Headers.Origin.ToString();

        // Under Referrer-Policy: no-referrer (ours) a browser posts this server's own forms with
        // "Origin: null"; so does a sandboxed frame anywhere, which Sec-Fetch-Site names cross-site.
        var opaqueButSameSite = origin == "null" && site == "same-origin";
        if (origin.Length > 0 && !opaqueButSameSite && !IsThisServer(origin, request))
        {
            return "Sent by a page of another origin (Origin).";
        }

        if (changes && request.Path.StartsWithSegments("/api") && !IsJson(request.ContentType) && request.Headers[RequestedWithHeader].Count == 0)
        {
            return $"A request with the sign-in cookie sends JSON or an {RequestedWithHeader} header.";
        }

        return null;
    }

    /// <summary>Credentials the browser adds by itself: the staff or device cookie, with no token of the caller's own.</summary>
    private static bool CarriesAmbientCredentials(HttpRequest request) =>
        request.Headers.Authorization.Count == 0
        && !request.Query.ContainsKey("access_token")
        && (request.Cookies.ContainsKey(StaffCookieName) || request.Cookies.ContainsKey(DeviceAuthentication.CookieName));

    public const string StaffCookieName = "oa.staff";

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The origin names this server as the request reached it (host and port; the scheme may differ behind a TLS proxy).</summary>
    private static bool IsThisServer(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !request.Host.HasValue)
        {
            return false;
        }

        var port = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(uri.Host, request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && uri.Port == port;
    }

    /// <summary>A plain form endpoint (sign-out) checks the page's antiforgery token as Blazor's own forms do.</summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                ? ProblemExceptionHandler.Write(context.HttpContext, ProblemTypes.CrossSiteRequest, StatusCodes.Status403Forbidden,
                    "The form's antiforgery token is missing or wrong.")
                : await next(context));
}
