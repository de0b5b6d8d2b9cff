using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenAlmaty.FrontOffice.Application.Audit;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Staff;

/// <summary>
/// A password that must be changed before the account works: the bootstrap admin's (it was in a file
/// or in the configuration) and one set by the console's recovery command. Kept as a claim of the
/// account, so no schema change is needed; sign-in refuses such an account with
/// <c>password-change-required</c> until <see cref="ChangeOwnPassword"/> has run.
/// </summary>
public static class PasswordChange
{
    public const string RequiredClaim = "oa:password-change-required";

    public static async Task<bool> IsRequiredAsync(UserManager<StaffUser> users, StaffUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == RequiredClaim);

    public static async Task RequireAsync(UserManager<StaffUser> users, StaffUser user)
    {
        if (!await IsRequiredAsync(users, user))
        {
            Check(await users.AddClaimAsync(user, new Claim(RequiredClaim, "true")));
        }
    }

    public static async Task ClearAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == RequiredClaim).ToList();
        if (claims.Count > 0)
        {
            Check(await users.RemoveClaimsAsync(user, claims));
        }
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>
/// The account's owner sets a new password, knowing the current one (which the caller has checked
/// at sign-in): the new one passes the password rules and differs from the old; the mark that a
/// change is required goes; other open sessions end (the security stamp is renewed).
/// </summary>
public sealed class ChangeOwnPassword(FrontOfficeDb db, UserManager<StaffUser> users, AuditTrail audit, CallerStandings standings)
{
    public async Task HandleAsync(StaffUser user, string currentPassword, string? newPassword, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(newPassword) || newPassword == currentPassword)
        {
            throw new ProblemException(ProblemTypes.WeakPassword, 400, "The new password must differ from the current one.");
        }

        var validation = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, newPassword)));
        if (validation.FirstOrDefault(r => !r.Succeeded) is { } failed)
        {
            throw new ProblemException(ProblemTypes.WeakPassword, 400, string.Join(" ", failed.Errors.Select(e => e.Description)));
        }

        await Transactions.RunAsync(db, async ct =>
        {
            PasswordChange.Check(await users.ChangePasswordAsync(user, currentPassword, newPassword));
            await PasswordChange.ClearAsync(users, user);
            await audit.RecordAsync("staff.password-changed", user.UserName!, null, ct, Actor.User(user.Id));
            return true;
        }, ct);
        standings.Forget(user.Id);
    }
}

/// <summary>
/// The way back in for an administrator whom nobody can let in (account locked, password lost):
/// the server's own user runs <c>reset-password NAME</c> on the server's console. The account gets a
/// random password, shown there once and never logged, to be changed at the next sign-in; a lock is
/// lifted; open sessions end. Audited as done from the console.
/// </summary>
public sealed class RecoverAccount(FrontOfficeDb db, UserManager<StaffUser> users, AuditTrail audit, TimeProvider clock, CallerStandings standings)
{
    /// <returns>The new password, or null when there is no such account.</returns>
    public async Task<string?> HandleAsync(string userName, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return null;
        }

        var password = BootstrapAdmin.NewPassword();
        await Transactions.RunAsync(db, async ct =>
        {
            PasswordChange.Check(await users.RemovePasswordAsync(user));
            PasswordChange.Check(await users.AddPasswordAsync(user, password));
            PasswordChange.Check(await users.SetLockoutEndDateAsync(user, null));
            await PasswordChange.RequireAsync(users, user);
            await Desks.LeaveDesks.InTransactionAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
            await audit.RecordAsync("staff.password-recovered", user.UserName!, "from the server's console", ct, Actor.Console);
            return true;
        }, ct);
        standings.Forget(user.Id);
        return password;
    }
}
