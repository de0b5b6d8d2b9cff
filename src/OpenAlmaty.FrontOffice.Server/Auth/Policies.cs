using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Auth;

/// <summary>What each of the <see cref="AccessPolicies"/> requires, and who the caller is.</summary>
public static class Policies
{
    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(AccessPolicies.Admin, p => p.RequireRole(StaffRoles.Admin));
        options.AddPolicy(AccessPolicies.Officer, p => p.RequireRole(StaffRoles.Officer));
        options.AddPolicy(AccessPolicies.Staff, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Officer));
        options.AddPolicy(AccessPolicies.Kiosk, p => p.RequireClaim(DeviceAuthentication.KindClaim, "kiosk"));
        options.AddPolicy(AccessPolicies.Display, p => p.RequireClaim(DeviceAuthentication.KindClaim, "display"));
        options.AddPolicy(AccessPolicies.KioskOrStaff, p => p.RequireAssertion(c =>
            c.User.HasClaim(DeviceAuthentication.KindClaim, "kiosk") || c.User.IsInRole(StaffRoles.Admin) || c.User.IsInRole(StaffRoles.Officer)));
        options.AddPolicy(AccessPolicies.Hall, p => p.RequireAuthenticatedUser());
    }

    /// <summary>The caller as the application sees it.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("An authenticated caller has an id.");
        return user.HasClaim(c => c.Type == DeviceAuthentication.KindClaim) ? Actor.Device(Guid.Parse(id)) : Actor.User(id);
    }
}
