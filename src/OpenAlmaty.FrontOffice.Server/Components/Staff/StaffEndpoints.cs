using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Server.Security;

namespace OpenAlmaty.FrontOffice.Server.Components.Staff;

/// <summary>The two plain requests behind the staff pages' header: the language switch and signing out.</summary>
public static class StaffEndpoints
{
    /// <summary>The pages a browser is sent to the login page for, rather than refused.</summary>
    public static readonly string[] StaffPages = ["/admin", "/desk"];

    public static void MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lang", (string? code, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(StaffLanguage.CookieName, code == "kk" ? "kk" : "ru", new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                MaxAge = TimeSpan.FromDays(3650),
                IsEssential = true,
            });
            return Results.LocalRedirect(StaffLanguage.LocalUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/logout", async (SignInManager<StaffUser> signIn, Application.Staff.SignOut signOut, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await signOut.HandleAsync(Auth.Policies.ActorOf(user), ct);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).AllowAnonymous().RequireAntiforgeryToken().ExcludeFromDescription();
    }

    /// <summary>A person's browser asking for a staff page gets the login page; the API and device pages get 401.</summary>
    public static bool SendsToLogin(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && StaffPages.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
}
