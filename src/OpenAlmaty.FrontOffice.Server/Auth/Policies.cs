using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Staff;

namespace OpenAlmaty.FrontOffice.Server.Auth;

/// <summary>Who may call what. Every endpoint and hub method names one of these.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Officer = "officer";
    public const string Kiosk = "kiosk";
    public const string Display = "display";

    /// <summary>A kiosk (the resident at it) or staff (for a resident on the phone or at the desk).</summary>
    public const string KioskOrStaff = "kiosk-or-staff";

    /// <summary>Any staff member: officer or admin.</summary>
    public const string Staff = "staff";

    /// <summary>Hall clients: staff, kiosks and displays (snapshot, hub).</summary>
    public const string Hall = "hall";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(StaffRoles.Admin));
        options.AddPolicy(Officer, p => p.RequireRole(StaffRoles.Officer));
        options.AddPolicy(Staff, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Officer));
        options.AddPolicy(Kiosk, p => p.RequireClaim(DeviceAuthentication.KindClaim, "kiosk"));
        options.AddPolicy(Display, p => p.RequireClaim(DeviceAuthentication.KindClaim, "display"));
        options.AddPolicy(KioskOrStaff, p => p.RequireAssertion(c =>
            c.User.HasClaim(DeviceAuthentication.KindClaim, "kiosk") || c.User.IsInRole(StaffRoles.Admin) || c.User.IsInRole(StaffRoles.Officer)));
        options.AddPolicy(Hall, p => p.RequireAuthenticatedUser());
    }

    /// <summary>The caller as the application sees it.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("An authenticated caller has an id.");
        return user.HasClaim(c => c.Type == DeviceAuthentication.KindClaim) ? Actor.Device(Guid.Parse(id)) : Actor.User(id);
    }
}
