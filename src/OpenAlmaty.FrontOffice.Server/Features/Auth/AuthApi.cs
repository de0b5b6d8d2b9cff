using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Problems;

namespace OpenAlmaty.FrontOffice.Server.Features.Auth;

public static class AuthApi
{
    public const string LoginRateLimit = "login";

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(LoginRateLimit);
        group.MapPost("/logout", Logout).RequireAuthorization(AccessPolicies.Hall);
        group.MapGet("/me", Me).RequireAuthorization(AccessPolicies.Hall);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<StaffUser> signIn, HttpContext http)
    {
        var result = await signIn.PasswordSignInAsync(request.UserName ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        return result.IsLockedOut
            ? ProblemExceptionHandler.Write(http, ProblemTypes.TooManyRequests, 429, "The account is locked for a few minutes after repeated failures.")
            : ProblemExceptionHandler.Write(http, ProblemTypes.LoginFailed, 401, null);
    }

    private static async Task<NoContent> Logout(SignInManager<StaffUser> signIn, LeaveDesks leave, ClaimsPrincipal user, CancellationToken ct)
    {
        await leave.HandleAsync(Policies.ActorOf(user), ct);
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
