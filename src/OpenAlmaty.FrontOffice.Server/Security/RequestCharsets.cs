using Microsoft.Net.Http.Headers;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Problems;

namespace OpenAlmaty.FrontOffice.Server.Security;

/// <summary>
/// Bodies are UTF-8 (JSON must be, RFC 8259; the pages' forms are). A <c>Content-Type</c> the server
/// cannot read, or one naming another charset (<c>ebcdic</c>, <c>utf-16</c>, an empty one), is answered
/// 415 here, before any endpoint tries to decode it: the framework would throw on an unknown charset
/// and answer 500 with a stack trace in the log. UTF-8 in any spelling (<c>"UTF-8"</c>, quoted) is
/// passed on as plain <c>utf-8</c>, which the framework reads.
/// </summary>
public static class RequestCharsets
{
    public static void UseRequestCharsetCheck(this WebApplication app) => app.Use(async (http, next) =>
    {
        var header = http.Request.ContentType;
        if (header is not null)
        {
            if (!MediaTypeHeaderValue.TryParse(header, out var type) || type.MediaType.Length == 0 || !type.MediaType.Value!.Contains('/', StringComparison.Ordinal))
            {
                await RefuseAsync(http, "The Content-Type cannot be read.");
                return;
            }

            var charset = type.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));
            if (charset is not null)
            {
                var name = HeaderUtilities.RemoveQuotes(charset.Value).Value?.Trim() ?? "";
                if (!name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                {
                    await RefuseAsync(http, $"Send the body in UTF-8, not \"{Printable(name)}\".");
                    return;
                }

                if (charset.Value.Value != "utf-8")
                {
                    charset.Value = "utf-8";
                    http.Request.ContentType = type.ToString();
                }
            }
        }

        await next(http);
    });

    private static Task RefuseAsync(HttpContext http, string detail) =>
        ProblemExceptionHandler.Write(http, ProblemTypes.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType, detail).ExecuteAsync(http);

    /// <summary>What the client sent, shortened and without control characters, for the detail.</summary>
    private static string Printable(string name) =>
        new([.. name.Take(40).Where(c => !char.IsControl(c))]);
}
