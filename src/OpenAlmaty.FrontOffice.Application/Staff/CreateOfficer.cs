using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Staff;

public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Officer = "officer";
}

/// <summary>Creates a desk officer with the desks they may act for, all or nothing.</summary>
public sealed class CreateOfficer(FrontOfficeDb db, UserManager<StaffUser> users, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task<CreatedOfficerDto> HandleAsync(CreateOfficerRequest request, CancellationToken ct)
    {
        var deskIds = request.DeskIds?.Distinct().ToList() ?? [];
        return await Transactions.RunAsync(db, async ct =>
        {
            var known = await db.Desks.CountAsync(d => deskIds.Contains(d.Id) && d.RetiredAt == null, ct);
            if (known != deskIds.Count)
            {
                throw ProblemException.NotFound(ProblemTypes.UnknownDesk, "One of the desks does not exist.");
            }

            var user = new StaffUser { UserName = request.UserName?.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, request.Password ?? "");
            if (!created.Succeeded)
            {
                var taken = created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName));
                var password = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal));
                throw new ProblemException(
                    taken ? ProblemTypes.UserNameTaken : password ? ProblemTypes.WeakPassword : ProblemTypes.ValidationFailed,
                    taken ? 409 : 400, string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, StaffRoles.Officer);
            db.OfficerDesks.AddRange(deskIds.Select(id => new OfficerDesk { UserId = user.Id, DeskId = id }));
            await audit.RecordAsync("staff.create", user.UserName!, $"desks {string.Join(",", deskIds)}", ct);
            return new CreatedOfficerDto(user.Id, user.UserName!);
        }, ct);
    }
}
