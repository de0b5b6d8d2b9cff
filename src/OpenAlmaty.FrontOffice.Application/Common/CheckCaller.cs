using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// Whether the staff member or device an open page acts for still may. A page (a Blazor circuit)
/// keeps the powers it opened with for hours, a kiosk's all day, so its every action and a watch
/// every few seconds ask again: one read by primary key, compiled once, shared for two seconds
/// by every request of that caller (<see cref="CallerStandings"/>).
/// </summary>
public sealed class CheckCaller(FrontOfficeDb db, TimeProvider clock, CallerStandings standings)
{
    private sealed record StaffStamp(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd);

    private static readonly Func<FrontOfficeDb, string, CancellationToken, Task<StaffStamp?>> StaffAccount =
        EF.CompileAsyncQuery((FrontOfficeDb db, string userId, CancellationToken ct) =>
            db.Users.Where(u => u.Id == userId).Select(u => new StaffStamp(u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd)).SingleOrDefault());

    private static readonly Func<FrontOfficeDb, Guid, CancellationToken, Task<bool>> Enrolled =
        EF.CompileAsyncQuery((FrontOfficeDb db, Guid deviceId, CancellationToken ct) =>
            db.Devices.Any(d => d.Id == deviceId && d.RevokedAt == null));

    /// <param name="securityStamp">The stamp the page's sign-in carried.</param>
    /// <returns>Null while the account may act; else the problem type that says why not.</returns>
    public async Task<string?> StaffAsync(string userId, string? securityStamp, CancellationToken ct)
    {
        var account = await standings.ReadAsync(userId, () => StaffAccount(db, userId, ct));
        if (account is null)
        {
            return ProblemTypes.AccountGone;
        }

        // An administrator's lock and a new password both renew the stamp (ManageStaffAccount). The
        // five-minute lockout after failed sign-ins keeps it, and so does not end a session: it stops
        // new sign-ins, or anyone could send an officer away by typing wrong passwords under their name.
        if (account.SecurityStamp == securityStamp)
        {
            return null;
        }

        return account.LockoutEnabled && account.LockoutEnd > clock.GetUtcNow() ? ProblemTypes.AccountLocked : ProblemTypes.SignInChanged;
    }

    /// <returns>Null while the device is enrolled; else <see cref="ProblemTypes.DeviceNotEnrolled"/>.</returns>
    public async Task<string?> DeviceAsync(Guid deviceId, CancellationToken ct) =>
        await standings.ReadAsync(deviceId, () => Enrolled(db, deviceId, ct)) ? null : ProblemTypes.DeviceNotEnrolled;
}
