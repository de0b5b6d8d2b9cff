using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Problems;

namespace OpenAlmaty.FrontOffice.Server.Features.Auth;

public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        // Limited by the SignInGuard, which the /login page shares (not by a rate-limiter policy of this endpoint alone).
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/password", ChangePassword).AllowAnonymous();
        group.MapPost("/logout", Logout).RequireAuthorization(AccessPolicies.Hall);
        group.MapGet("/me", Me).RequireAuthorization(AccessPolicies.Hall);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Login(LoginRequest request, StaffSignIn signIn, HttpContext http) =>
        Answer(http, await signIn.SignInAsync(request.UserName, request.Password, http.Connection.RemoteIpAddress));

    /// <summary>The owner's new password (the first sign-in's change): 204 and signed in.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(ChangePasswordRequest request, StaffSignIn signIn, HttpContext http, CancellationToken ct) =>
        Answer(http, await signIn.ChangePasswordAsync(request.UserName, request.CurrentPassword, request.NewPassword, http.Connection.RemoteIpAddress, ct));

    private static Results<NoContent, ProblemHttpResult> Answer(HttpContext http, SignInOutcome outcome)
    {
        if (outcome.SignedIn)
        {
            return TypedResults.NoContent();
        }

        if (outcome.RetryAfter > TimeSpan.Zero)
        {
            http.Response.Headers.RetryAfter = ((int)outcome.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ProblemExceptionHandler.Write(http, outcome.Problem!, outcome.Status, outcome.Detail);
    }

    private static async Task<NoContent> Logout(SignInManager<StaffUser> signIn, SignOut signOut, ClaimsPrincipal user, CancellationToken ct)
    {
        await signOut.HandleAsync(Policies.ActorOf(user), ct);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WhoAmIDto>> Me(ClaimsPrincipal user, FrontOfficeDb db, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var desks = await db.OfficerDesks.Where(d => d.UserId == id).Select(d => d.DeskId).OrderBy(d => d).ToListAsync(ct);
        return TypedResults.Ok(new WhoAmIDto(user.Identity?.Name ?? "",
            user.FindAll(ClaimTypes.Role).Select(r => r.Value).ToList(), desks));
    }
}
