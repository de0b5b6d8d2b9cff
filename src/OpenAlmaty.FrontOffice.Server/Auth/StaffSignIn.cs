using System.Net;
using Microsoft.AspNetCore.Identity;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Auth;

/// <summary>How a sign-in ended; <see cref="Problem"/> names the refusal as the API and the pages say it.</summary>
public sealed record SignInOutcome(bool SignedIn, string? Problem, TimeSpan RetryAfter = default, bool IsAdmin = false, string? Detail = null)
{
    public int Status => Problem switch
    {
        null => StatusCodes.Status204NoContent,
        ProblemTypes.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ProblemTypes.LoginFailed => StatusCodes.Status401Unauthorized,
        ProblemTypes.WeakPassword => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status403Forbidden,
    };
}

/// <summary>
/// Signing in with a password, the same for the API and the /login page: the <see cref="SignInGuard"/>
/// first; then the password, checked the same way (and as long) whether the name exists or not, so
/// a wrong name and a wrong password answer alike; only who gave the right password learns that the
/// account is locked or that its password must be changed first.
/// </summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signIn, SignInGuard guard, ChangeOwnPassword change)
{
    /// <summary>Verified against when the name is unknown, so that it takes as long as a real check.</summary>
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, IPAddress? address)
    {
        var (outcome, user) = await CheckAsync(userName, password, address);
        if (outcome is not null)
        {
            return outcome;
        }

        if (await PasswordChange.IsRequiredAsync(signIn.UserManager, user!))
        {
            return new SignInOutcome(false, ProblemTypes.PasswordChangeRequired,
                Detail: "Change it first: POST /api/auth/password { userName, currentPassword, newPassword }, or the /login/password page.");
        }

        return await SignInAsync(user!);
    }

    /// <summary>The owner changes the password, giving the current one (the first sign-in's change, or any later one), and is signed in.</summary>
    public async Task<SignInOutcome> ChangePasswordAsync(string? userName, string? currentPassword, string? newPassword, IPAddress? address, CancellationToken ct)
    {
        var (outcome, user) = await CheckAsync(userName, currentPassword, address);
        if (outcome is not null)
        {
            return outcome;
        }

        try
        {
            await change.HandleAsync(user!, currentPassword!, newPassword, ct);
        }
        catch (Application.Common.ProblemException p) when (p.Type == ProblemTypes.WeakPassword)
        {
            return new SignInOutcome(false, ProblemTypes.WeakPassword, Detail: p.Detail);
        }

        return await SignInAsync(user!);
    }

    /// <summary>Null and the user when the password is right and the account may sign in; else the refusal.</summary>
    private async Task<(SignInOutcome? Refusal, StaffUser? User)> CheckAsync(string? userName, string? password, IPAddress? address)
    {
        var (allowed, retryAfter) = guard.Attempt(userName, address);
        if (!allowed)
        {
            return (new SignInOutcome(false, ProblemTypes.TooManyRequests, retryAfter,
                Detail: $"Wait {retryAfter.TotalSeconds:F0} s before the next attempt."), null);
        }

        var users = signIn.UserManager;
        var name = userName?.Trim() ?? "";
        var user = name.Length is > 0 and <= 256 ? await users.FindByNameAsync(name) : null;
        var right = user is not null
            ? await users.CheckPasswordAsync(user, password ?? "")
            : users.PasswordHasher.VerifyHashedPassword(new StaffUser(), NobodysHash.Value, password ?? "") == PasswordVerificationResult.Success;
        if (!right || user is null)
        {
            guard.Failed(userName, address);
            return (new SignInOutcome(false, ProblemTypes.LoginFailed), null);
        }

        guard.Succeeded(name, address);
        return await users.IsLockedOutAsync(user) ? (new SignInOutcome(false, ProblemTypes.AccountDisabled), null) : (null, user);
    }

    private async Task<SignInOutcome> SignInAsync(StaffUser user)
    {
        await signIn.SignInAsync(user, isPersistent: false);
        return new SignInOutcome(true, null, IsAdmin: await signIn.UserManager.IsInRoleAsync(user, StaffRoles.Admin));
    }
}
