using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk;

/// <summary>The public status of a ticket by its unguessable id; null when there is no such ticket.</summary>
public interface ITicketStatus
{
    Task<PublicTicketDto?> GetAsync(string publicId, CancellationToken ct);

    /// <summary>Rates the completed visit; null when taken, else the problem type of the refusal.</summary>
    Task<string?> RateAsync(string publicId, int stars, string? comment, CancellationToken ct);
}
