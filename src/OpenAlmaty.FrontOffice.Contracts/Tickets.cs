using System.Text.Json.Serialization;

namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>A visitor's language for screens, tickets and announcements.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VisitorLanguage>))]
public enum VisitorLanguage
{
    Kk,
    Ru,
    En,
}

/// <summary>A priority the visitor states at the kiosk; staff check it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketPriority>))]
public enum TicketPriority
{
    None,
    Elderly,
    Disabled,
    Pregnant,
}

/// <summary>Request to issue a ticket (kiosk device). Send an <c>Idempotency-Key</c> header per tap.</summary>
public sealed record IssueTicketRequest(int ServiceId, VisitorLanguage Language = VisitorLanguage.Kk, TicketPriority Priority = TicketPriority.None);

/// <summary>A wait range in whole minutes, and what it rests on.</summary>
/// <param name="Basis"><see cref="WaitBases.Estimate"/> (a range), <see cref="WaitBases.NoDeskOpen"/> (no window
/// has an officer now: show that, not the zeros) or <see cref="WaitBases.Slot"/> (a booked reception, called at its time).</param>
/// <param name="OpensAt">With <see cref="WaitBases.NoDeskOpen"/>: when the service's hours next begin, if it is closed now.</param>
public sealed record WaitRangeDto(int FromMinutes, int ToMinutes, string Basis = WaitBases.Estimate, DateTimeOffset? OpensAt = null)
{
    /// <summary>
    /// The wait of several queues (an agency's services where somebody waits): from the shortest to
    /// the longest estimate among those a desk serves; "no window open" when none is served; null for none.
    /// </summary>
    public static WaitRangeDto? Across(IReadOnlyCollection<WaitRangeDto> waits)
    {
        var served = waits.Where(w => w.Basis != WaitBases.NoDeskOpen).ToList();
        return waits.Count == 0 ? null
            : served.Count == 0 ? new WaitRangeDto(0, 0, WaitBases.NoDeskOpen)
            : new WaitRangeDto(served.Min(w => w.FromMinutes), served.Max(w => w.ToMinutes));
    }
}

/// <summary>The values of <see cref="WaitRangeDto.Basis"/>.</summary>
public static class WaitBases
{
    public const string Estimate = "estimate";
    public const string NoDeskOpen = "no-desk-open";
    public const string Slot = "slot";
}

/// <summary>What happened to the ticket's print job.</summary>
public sealed record PrintStatusDto(string Status);

/// <summary>A ticket as staff and devices see it. Holds no personal data.</summary>
public sealed record TicketDto(
    Guid Id,
    string PublicId,
    string Number,
    int ServiceId,
    DateTimeOffset IssuedAt,
    int PeopleAhead,
    WaitRangeDto EstimatedWait,
    PrintStatusDto Print,
    string State,
    string Priority,
    string? DeskNumber,
    int? DeskId,
    int RecallCount,
    int Version,
    bool IsTraining);

/// <summary>The public status of a ticket, for the visitor's phone. Holds no personal data.</summary>
/// <param name="Language">The visitor's language at the kiosk: <c>kk</c>, <c>ru</c> or <c>en</c>; the page speaks it first.</param>
/// <param name="Transferred">The ticket waits in a service it was sent to from another desk (arrival time kept).</param>
/// <param name="RejoinDeskNumber">After a no-show: the window to come back to.</param>
/// <param name="RejoinWindowMinutes">After a no-show: how long the service lets a visitor come back and keep the turn.</param>
/// <param name="RejoinUntil">After a no-show: when that time ends.</param>
public sealed record PublicTicketDto(
    string Number,
    string State,
    int ServiceId,
    string ServiceNameKk,
    string ServiceNameRu,
    string ServiceNameEn,
    int? Position,
    int PeopleAhead,
    WaitRangeDto EstimatedWait,
    string? DeskNumber,
    DateTimeOffset? CalledAt,
    string AgencyNameKk = "",
    string AgencyNameRu = "",
    string AgencyNameEn = "",
    int? Rating = null,
    string? Language = null,
    bool Transferred = false,
    string? RejoinDeskNumber = null,
    int? RejoinWindowMinutes = null,
    DateTimeOffset? RejoinUntil = null);

/// <summary>The visitor's rating of a completed visit: 1–5 stars and an optional comment, once per ticket.</summary>
public sealed record RateVisitRequest(int Stars, string? Comment);

/// <summary>Optional body of an officer action on a ticket.</summary>
/// <param name="Version">The ticket version the officer saw; a stale one is refused with 409.</param>
public sealed record TicketActionRequest(int? Version = null);

/// <summary>Sends the visitor to another service, keeping the original arrival time.</summary>
/// <param name="ToDeskId">A desk of that service to send the visitor to; while it is open only it calls them, in turn.</param>
public sealed record TransferTicketRequest(int ToServiceId, string? Note = null, int? Version = null, int? ToDeskId = null);

/// <summary>Completes a visit with what the officer records (all optional through the API; the console asks for outcome and topic).</summary>
/// <param name="Outcome"><c>resolved</c>, <c>consulted</c>, <c>appeal-registered</c>, <c>redirected</c> or <c>other</c>.</param>
/// <param name="Topic"><c>energy</c>, <c>housing</c>, <c>transport</c>, <c>landscaping</c> or <c>other</c>.</param>
/// <param name="KskName">The KSK (housing co-operative) the visit was about; housing only.</param>
/// <param name="Note">Plain text, at most 1,000 characters.</param>
public sealed record CompleteTicketRequest(string? Outcome = null, string? Topic = null, string? KskName = null, string? Note = null, int? Version = null);

/// <summary>Calls a ticket from the waiting list out of order (officer); the reason is stored for audit.</summary>
public sealed record CallTicketRequest(Guid TicketId, string? Reason);

/// <summary>A visitor marked as not come today whom a desk of the service may still take back (officer console).</summary>
/// <param name="RejoinUntil">When the service's rejoin window ends: after it a rejoin is refused.</param>
public sealed record RejoinableTicketDto(Guid Id, string Number, int ServiceId, DateTimeOffset MarkedAt, DateTimeOffset RejoinUntil, int Version);

/// <summary>A ticket of today found by its number at a desk: where it stands and what the desk may do with it. No personal data.</summary>
/// <param name="State">The ticket state's name (<c>Waiting</c>, <c>Called</c>, <c>Serving</c>, <c>Parked</c>, <c>NoShow</c>, <c>Completed</c>, <c>Cancelled</c>).</param>
/// <param name="DeskNumber">The desk that has the visitor now (called or serving), if any.</param>
/// <param name="RejoinUntil">A no-show: when the rejoin window ends.</param>
public sealed record FoundTicketDto(Guid Id, string Number, int ServiceId, string State, string? DeskNumber, int Version, DateTimeOffset? RejoinUntil);

/// <summary>An officer's own figures for today, measured as the service report measures them.</summary>
/// <param name="Served">Visits the officer completed today.</param>
/// <param name="AverageServiceMinutes">From the start of serving (or the call, when serving was never marked) to completion.</param>
/// <param name="LongestWaitMinutes">The longest wait, from the ticket to the call, among the visitors the officer called today.</param>
/// <param name="Ratings">Ratings visitors gave to the visits the officer completed today.</param>
public sealed record OfficerDayDto(int Served, double? AverageServiceMinutes, double? LongestWaitMinutes, int Ratings, double? AverageRating);
