using System.Text.RegularExpressions;

namespace OpenAlmaty.FrontOffice.Server.Security;

/// <summary>
/// The headers every answer carries, error pages and static files included: a Content-Security-Policy
/// that the app's own pages satisfy (scripts only from this server, the Blazor circuit's WebSocket to
/// this server, never in a frame), no MIME sniffing, no Referer (a ticket's status page carries its
/// unguessable id in the address).
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>
    /// Styles may be inline: the pages use <c>style</c> attributes and one <c>&lt;style&gt;</c> block, and
    /// Blazor sets styles. Scripts may not: every script is a file of this server.
    /// </summary>
    private static readonly System.Text.CompositeFormat Policy = System.Text.CompositeFormat.Parse(
        "default-src 'self'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "media-src 'self'; connect-src 'self'{1}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((http, next) =>
    {
        // Added when the answer starts, so that an error page, which clears the headers first, has them too.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(http.Request, ApiReference.ScriptHashes(http));
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>The policy for this request: the WebSocket of the circuit goes to the host the page came from.</summary>
    public static string PolicyFor(HttpRequest request, string? scriptHashes = null)
    {
        // 'self' covers ws: and wss: in current browsers; the host is named too for those that predate CSP 3.
        var host = request.Host.Value;
        var sockets = host is not null && PlainHost().IsMatch(host) ? $" ws://{host} wss://{host}" : "";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Policy, scriptHashes ?? "", sockets);
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")]
    private static partial Regex PlainHost();
}
