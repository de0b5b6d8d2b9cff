using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenAlmaty.FrontOffice.Server.Security;

/// <summary>
/// The browsable API reference (Scalar) starts itself with an inline module script. Rather than allow
/// inline scripts, its page alone allows that script by its hash, computed from the page as served
/// (so a new Scalar version needs nothing here).
/// </summary>
public static partial class ApiReference
{
    public const string Path = "/api/reference";
    private const string HashesKey = "oa.inline-script-hashes";

    /// <summary>The hashes to add to <c>script-src</c> for this answer, or null.</summary>
    public static string? ScriptHashes(HttpContext http) => http.Items[HashesKey] as string;

    public static void UseApiReferenceScripts(this WebApplication app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        // Only the page itself, not its script and icon files.
        if (!HttpMethods.IsGet(http.Request.Method) || !path.StartsWithSegments(Path) || (path.Value ?? "").Split('/')[^1].Contains('.', StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        await using var page = new MemoryStream();
        http.Response.Body = page;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(page.GetBuffer(), 0, (int)page.Length);
            http.Items[HashesKey] = string.Concat(InlineScript().Matches(html).Select(m =>
                $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'"));
        }

        page.Position = 0;
        await page.CopyToAsync(original, http.RequestAborted);
    });

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
