using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Components.Staff;

/// <summary>
/// The language of the staff pages, Kazakh or Russian, kept in a cookie the staff member sets
/// once. Read when the circuit starts (the cookie comes with the page and with its WebSocket).
/// </summary>
public sealed class StaffLanguage(IHttpContextAccessor http)
{
    public const string CookieName = "oa.lang";

    public string Code { get; } = http.HttpContext?.Request.Cookies[CookieName] is "kk" ? "kk" : "ru";

    public bool IsKazakh => Code == "kk";

    public string T(string kk, string ru) => IsKazakh ? kk : ru;

    public string T(Words words) => words.In(Code);

    /// <summary>Only paths of this server: a crafted return address never leads elsewhere.</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
