using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk;

/// <summary>The outcome of a tap on "take a ticket": a ticket with its QR, or a refusal.</summary>
/// <param name="QrSvg">The QR of the ticket's public status page as SVG markup, made by the server.</param>
public sealed record KioskIssueResult(TicketDto? Ticket, string? QrSvg, string? ProblemType, string? Detail)
{
    public bool Issued => Ticket is not null;
}

/// <summary>
/// What the kiosk needs from the server. The kiosk library declares it and the server implements
/// it in-process, so the kiosk knows nothing of EF or the application layer.
/// </summary>
public interface IKioskBackend
{
    Task<RosterDto> RosterAsync(CancellationToken ct);

    Task<KioskIssueResult> IssueAsync(int serviceId, VisitorLanguage language, TicketPriority priority, string idempotencyKey, CancellationToken ct);

    /// <summary>A resident with a booking code checks in: a reception ticket called at the slot time.</summary>
    Task<KioskIssueResult> CheckInAsync(string code, CancellationToken ct);
}
