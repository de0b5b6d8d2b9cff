namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>
/// The stable <c>type</c> of every problem+json answer (RFC 9457). Clients compare these; the
/// title and detail are in the caller's language (Accept-Language kk, ru or en).
/// </summary>
public static class ProblemTypes
{
    private const string Base = "urn:openalmaty:frontoffice:";

    public const string MalformedRequest = Base + "malformed-request";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string ValidationFailed = Base + "validation-failed";
    public const string InvalidPeriod = Base + "invalid-period";
    public const string DeskWithoutService = Base + "desk-without-service";
    public const string WalkInCapReached = Base + "walk-in-cap-reached";
    public const string IdempotencyKeyMissing = Base + "idempotency-key-missing";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string UnknownService = Base + "unknown-service";
    public const string ServiceClosed = Base + "service-closed";
    public const string UnknownDesk = Base + "unknown-desk";
    public const string DeskClosed = Base + "desk-closed";
    public const string DeskBusy = Base + "desk-busy";
    public const string NotYourDesk = Base + "not-your-desk";
    public const string NotYourReception = Base + "not-your-reception";
    public const string BookingProofMismatch = Base + "booking-proof-mismatch";
    public const string UnknownTicket = Base + "unknown-ticket";
    public const string TicketWrongState = Base + "ticket-wrong-state";
    public const string StaleVersion = Base + "stale-version";
    public const string RejoinWindowPassed = Base + "rejoin-window-passed";
    public const string TransferToSameService = Base + "transfer-to-same-service";
    public const string InvalidHours = Base + "invalid-hours";
    public const string InvalidPrefix = Base + "invalid-prefix";
    public const string DuplicatePrefix = Base + "duplicate-prefix";
    public const string DuplicateCode = Base + "duplicate-code";
    public const string UnknownAgency = Base + "unknown-agency";
    public const string AgencyHasWaitingTickets = Base + "agency-has-waiting-tickets";
    public const string UnknownDevice = Base + "unknown-device";
    public const string NoPrinter = Base + "no-printer";
    public const string InvalidPrinter = Base + "invalid-printer";
    public const string UserNameTaken = Base + "user-name-taken";
    public const string WeakPassword = Base + "weak-password";
    public const string LoginFailed = Base + "login-failed";
    public const string TooManyRequests = Base + "too-many-requests";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string ServerError = Base + "server-error";
    public const string InvalidIin = Base + "invalid-iin";
    public const string UnknownSession = Base + "unknown-session";
    public const string SessionUnavailable = Base + "session-unavailable";
    public const string SlotTaken = Base + "slot-taken";
    public const string BookingLimit = Base + "booking-limit";
    public const string UnknownBooking = Base + "unknown-booking";
    public const string BookingWrongState = Base + "booking-wrong-state";
    public const string RescheduleDoesNotFit = Base + "reschedule-does-not-fit";
    public const string NotAWorkingDay = Base + "not-a-working-day";
    public const string InvalidRetention = Base + "invalid-retention";

    /// <summary>415: the body is not JSON in UTF-8 (an unknown or other charset, a form where JSON is read).</summary>
    public const string UnsupportedMediaType = Base + "unsupported-media-type";

    /// <summary>403: a state-changing request with the staff or device cookie came from another origin, or carried nothing a form post cannot.</summary>
    public const string CrossSiteRequest = Base + "cross-site-request";

    /// <summary>403 at sign-in: the password is right but is the initial (or recovered) one; change it with <c>POST /api/auth/password</c>.</summary>
    public const string PasswordChangeRequired = Base + "password-change-required";

    /// <summary>403 at sign-in: the password is right but an administrator has locked the account (only who knows the password learns this).</summary>
    public const string AccountDisabled = Base + "account-disabled";

    /// <summary>An open staff page's account was locked by an administrator: the page acts no more.</summary>
    public const string AccountLocked = Base + "account-locked";

    /// <summary>An open staff page's account got a new password (or was unlocked) since the page opened: sign in again.</summary>
    public const string SignInChanged = Base + "sign-in-changed";

    /// <summary>An open staff page's account no longer exists.</summary>
    public const string AccountGone = Base + "account-gone";

    /// <summary>An open kiosk or display page's device was revoked (or never enrolled).</summary>
    public const string DeviceNotEnrolled = Base + "device-not-enrolled";

    /// <summary>400: <c>afterSeq</c> (or the hub's <c>seq</c>) is missing or not a whole number of 0 or more.</summary>
    public const string InvalidSeq = Base + "invalid-seq";
    /// <summary>
    /// 503: nothing was saved because the server's storage failed (disk full, an I/O error, a read-only
    /// data directory). Safe to repeat later with the same Idempotency-Key; <c>/health</c> says why.
    /// </summary>
    public const string StorageUnavailable = Base + "storage-unavailable";

    /// <summary>409: a service of a retired agency cannot come back alone; restore the agency first.</summary>
    public const string AgencyRetired = Base + "agency-retired";

    /// <summary>409: another appeal already carries this registration number.</summary>
    public const string DuplicateRegistrationNumber = Base + "duplicate-registration-number";
}
