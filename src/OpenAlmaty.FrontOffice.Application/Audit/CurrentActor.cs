using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Application.Audit;

/// <summary>Who is acting in this scope (an HTTP request, a staff page's action), for the audit trail.</summary>
public sealed class CurrentActor
{
    public Actor? Value { get; set; }
}
