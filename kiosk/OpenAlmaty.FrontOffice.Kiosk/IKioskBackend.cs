using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk;

/// <summary>The outcome of a tap on "take a ticket": a ticket with its QR, or a refusal.</summary>
/// <param name="QrSvg">The QR of the ticket's public status page as SVG markup, made by the server.</param>
public sealed record KioskIssueResult(TicketDto? Ticket, string? QrSvg, string? ProblemType, string? Detail)
{
    public bool Issued => Ticket is not null;
}

/// <summary>The outcome of "book a personal reception": the code, time or place on the list and the slip's print status, with the QR; or a refusal.</summary>
public sealed record KioskBookingResult(BookingCreatedDto? Booking, string? QrSvg, string? ProblemType, string? Detail)
{
    public bool Booked => Booking is not null;
}

/// <summary>
/// What this kiosk is set up with: whether a printer is configured for it, whether the hall runs in
/// training mode, and the printer's fault as last seen (null: it prints).
/// </summary>
public sealed record KioskSetup(bool HasPrinter, bool Training, string? PrinterFault = null)
{
    /// <summary>Whether the visitor is promised paper: a printer configured and not known to be failing.</summary>
    public bool Prints => HasPrinter && PrinterFault is null;
}

/// <summary>
/// What the kiosk needs from the server. The kiosk library declares it and the server implements
/// it in-process, so the kiosk knows nothing of EF or the application layer.
/// </summary>
public interface IKioskBackend
{
    Task<RosterDto> RosterAsync(CancellationToken ct);

    /// <summary>Read when the page opens, so the screen promises printing only where a printer is configured.</summary>
    Task<KioskSetup> SetupAsync(CancellationToken ct);

    /// <summary>Calls <paramref name="onChange"/> whenever a kiosk printer's state changes (paper out, back), until disposed.</summary>
    IDisposable OnPrinterChanged(Action onChange);

    /// <summary>Calls <paramref name="onChange"/> whenever an admin changes the roster (names, hours, services), until disposed.</summary>
    IDisposable OnRosterChanged(Action onChange);

    /// <summary>
    /// Calls <paramref name="onEnded"/> once if this kiosk is revoked while its page is open (noticed
    /// within seconds, or at the next tap, whose call is then refused), until disposed.
    /// </summary>
    IDisposable OnEnrolmentEnded(Action onEnded);

    Task<KioskIssueResult> IssueAsync(int serviceId, VisitorLanguage language, TicketPriority priority, string idempotencyKey, CancellationToken ct);

    /// <summary>A resident with a booking code checks in: a reception ticket called at the slot time.</summary>
    Task<KioskIssueResult> CheckInAsync(string code, CancellationToken ct);

    /// <summary>Personal-reception sessions a resident may still book, with their free places.</summary>
    Task<IReadOnlyList<ReceptionSessionDto>> ReceptionSessionsAsync(CancellationToken ct);

    /// <summary>Whether twelve digits are an IIN (check digit included), so the keypad can say so before going on.</summary>
    bool IsValidIin(string iin);

    /// <summary>Books a slot (or a place on the waiting list) and prints the slip with the code.</summary>
    Task<KioskBookingResult> BookAsync(BookReceptionRequest request, CancellationToken ct);
}
