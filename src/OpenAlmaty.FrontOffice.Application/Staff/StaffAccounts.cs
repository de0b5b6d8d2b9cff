using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Audit;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Staff;

/// <summary>Every staff account with its roles and desks, for the people page.</summary>
public sealed class ListStaff(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffAccountDto>> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var desks = await db.OfficerDesks.AsNoTracking().ToListAsync(ct);
        return users.Select(u => new StaffAccountDto(u.Id, u.UserName ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order().ToList(),
            desks.Where(d => d.UserId == u.Id).Select(d => d.DeskId).Order().ToList(),
            u.LockoutEnd is { } end && end > now, TicketView.Utc(u.CreatedAt))).ToList();
    }
}

/// <summary>
/// What an administrator does to an account: a new password, a lock, its desks. Each is audited;
/// a new password or a lock also renews the security stamp, so open pages, API sessions and hub
/// connections of the account end within seconds (<see cref="CallerStandings"/>).
/// </summary>
public sealed class ManageStaffAccount(FrontOfficeDb db, UserManager<StaffUser> users, AuditTrail audit, TimeProvider clock, CallerStandings standings)
{
    public async Task ResetPasswordAsync(string userId, ResetPasswordRequest request, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        var validation = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, request.NewPassword ?? "")));
        if (validation.FirstOrDefault(r => !r.Succeeded) is { } failed)
        {
            throw new ProblemException(ProblemTypes.WeakPassword, 400, string.Join(" ", failed.Errors.Select(e => e.Description)));
        }

        await Transactions.RunAsync(db, async ct =>
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, request.NewPassword!));
            Check(await users.SetLockoutEndDateAsync(user, null)); // a fresh password also clears failed-attempt lockouts
            await LeaveDesks.InTransactionAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
            await audit.RecordAsync("staff.password-reset", user.UserName!, null, ct);
            return true;
        }, ct);
        standings.Forget(user.Id);
    }

    public async Task SetLockedAsync(string userId, bool locked, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        await Transactions.RunAsync(db, async ct =>
        {
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
            Check(await users.UpdateSecurityStampAsync(user));
            if (locked)
            {
                await LeaveDesks.InTransactionAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
            }

            await audit.RecordAsync(locked ? "staff.lock" : "staff.unlock", user.UserName!, null, ct);
            return true;
        }, ct);
        standings.Forget(user.Id);
    }

    public async Task SetDesksAsync(string userId, OfficerDesksRequest request, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        var deskIds = request.DeskIds?.Distinct().ToList() ?? [];
        await Transactions.RunAsync(db, async ct =>
        {
            if (await db.Desks.CountAsync(d => deskIds.Contains(d.Id) && d.RetiredAt == null, ct) != deskIds.Count)
            {
                throw ProblemException.NotFound(ProblemTypes.UnknownDesk, "One of the desks does not exist.");
            }

            db.OfficerDesks.RemoveRange(await db.OfficerDesks.Where(o => o.UserId == user.Id).ToListAsync(ct));
            db.OfficerDesks.AddRange(deskIds.Select(id => new OfficerDesk { UserId = user.Id, DeskId = id }));
            await audit.RecordAsync("staff.desks", user.UserName!, $"desks {string.Join(",", deskIds)}", ct);
            return true;
        }, ct);
    }

    private async Task<StaffUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw ProblemException.NotFound(ProblemTypes.NotFound, "There is no such account.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
