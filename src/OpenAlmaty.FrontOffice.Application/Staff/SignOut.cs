using Microsoft.AspNetCore.Identity;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Staff;

/// <summary>
/// An officer signs out: their desks stop serving, and every session of the account ends, not only
/// the cookie of this browser. A sign-in cookie copied before the sign-out (a shared computer, a
/// stolen one) would otherwise keep working until it expired; the renewed security stamp makes
/// every page, API session and hub connection that carries the old one refused within seconds.
/// </summary>
public sealed class SignOut(FrontOfficeDb db, UserManager<StaffUser> users, CallerStandings standings, TimeProvider clock)
{
    public async Task HandleAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        await Transactions.RunAsync(db, async ct =>
        {
            PasswordChange.Check(await users.UpdateSecurityStampAsync(user));
            await LeaveDesks.InTransactionAsync(db, userId, clock.GetUtcNow().UtcDateTime, ct);
            return true;
        }, ct);
        standings.Forget(userId);
    }
}
