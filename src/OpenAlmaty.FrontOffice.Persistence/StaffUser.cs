using Microsoft.AspNetCore.Identity;

namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>A staff account (administrator or desk officer).</summary>
public sealed class StaffUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }
}
