using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Staff;

/// <summary>
/// Creates the roles and the first <c>admin</c> account on first start. The password comes from
/// configuration or is generated and written once to the data directory, readable by the owner
/// only; it never goes to the log. Either way it has been outside the account's owner's head, so it
/// must be changed at the first sign-in (<see cref="PasswordChange"/>).
/// </summary>
public sealed class BootstrapAdmin(UserManager<StaffUser> users, RoleManager<IdentityRole> roles,
    IOptions<FrontOfficeOptions> options, TimeProvider clock)
{
    public const string AdminUserName = "admin";
    public const string PasswordFileName = "initial-admin-password.txt";

    public async Task HandleAsync()
    {
        foreach (var role in new[] { StaffRoles.Admin, StaffRoles.Officer })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (await users.FindByNameAsync(AdminUserName) is not null)
        {
            return;
        }

        var configured = options.Value.Bootstrap.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? NewPassword() : configured;
        var admin = new StaffUser { UserName = AdminUserName, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The admin account could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(admin, StaffRoles.Admin);
        await PasswordChange.RequireAsync(users, admin);
        if (string.IsNullOrEmpty(configured))
        {
            var path = Path.Combine(options.Value.DataDirectory, PasswordFileName);
            await File.WriteAllTextAsync(path, password + Environment.NewLine);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    /// <summary>A random password (about 120 bits) that passes the password rules.</summary>
    public static string NewPassword() =>
        "Oa-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "-7";
}
