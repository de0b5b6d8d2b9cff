using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// A request the application refuses, with its stable problem type (see <see cref="ProblemTypes"/>).
/// Thrown before anything is saved: the state is unchanged.
/// </summary>
public sealed class ProblemException(string type, int status, string? detail = null) : Exception(detail ?? type)
{
    public string Type { get; } = type;
    public int Status { get; } = status;
    public string? Detail { get; } = detail;

    public static ProblemException NotFound(string type, string? detail = null) => new(type, 404, detail);
    public static ProblemException Conflict(string type, string? detail = null) => new(type, 409, detail);
    public static ProblemException Invalid(string type, string? detail = null) => new(type, 400, detail);
    public static ProblemException Forbidden(string type, string? detail = null) => new(type, 403, detail);
}
