namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>
/// Who may call what, by name. Every endpoint, hub method and page names one of these; the server
/// says what each requires (Server/Auth/Policies.cs). Here so that the kiosk and display pages,
/// which know only the contracts, name the same policies.
/// </summary>
public static class AccessPolicies
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
}
