using Ganss.Xss;

namespace OpenAlmaty.FrontOffice.Displays;

/// <summary>
/// The admin's ticker line, made safe for an unattended public screen: a few inline formatting
/// tags survive; scripts, styles, iframes, event attributes, links and images never reach it.
/// </summary>
public static class Ticker
{
    public const int MaxLength = 2000;

    private static readonly HashSet<string> DroppedWhole = new(
        ["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SVG", "MATH", "TITLE", "XMP", "NOEMBED", "NOFRAMES"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Clean(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html.Length > MaxLength ? html[..MaxLength] : html).Trim();

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["b", "strong", "i", "em", "u", "br", "span", "mark"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        // Text inside unknown tags (a <p>, a <div>) stays; what is inside code-bearing tags goes with them.
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWhole.Contains(e.Tag.NodeName))
            {
                e.Tag.InnerHtml = "";
            }
        };
        return sanitizer;
    }
}
