namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>A one-off reception session (admin). Times are Almaty local, <c>HH:mm</c>.</summary>
public sealed record CreateSessionRequest(string DeputyName, int? DistrictAgencyId, DateOnly Date, string Start, string End,
    int SlotMinutes, int PlacesPerSlot, int? DeskId);

/// <summary>A session with its free places per slot. No personal data.</summary>
public sealed record ReceptionSessionDto(Guid Id, string DeputyName, int? DistrictAgencyId, DateOnly Date, string Start, string End,
    int SlotMinutes, int PlacesPerSlot, string? DeskNumber, bool Cancelled, IReadOnlyList<SlotDto> Slots, int WaitingList);

public sealed record SlotDto(string Start, int Free);

/// <summary>A resident books (kiosk or staff on the phone). <c>Topic</c>: energy, housing, transport, landscaping, other.</summary>
/// <param name="IinOverrideReason">Staff only: why an IIN whose birth date or century digit looks impossible is taken as it stands (audited).</param>
public sealed record BookReceptionRequest(Guid SessionId, string SlotStart, string Iin, string FullName, string Phone, string Topic, string Text,
    string? IinOverrideReason = null);

/// <summary>The booking code and the slot, or the place on the waiting list when the session is full.</summary>
public sealed record BookingCreatedDto(string Code, string? SlotStart, int? WaitingListPosition, string PrintStatus = "none");

/// <summary>What anyone holding the code sees: never the IIN, the name or the phone.</summary>
public sealed record PublicBookingDto(string Code, string State, string DeputyName, DateOnly Date, string? SlotStart, string? DeskNumber,
    int? WaitingListPosition, DateTimeOffset? OfferExpiresAt);

/// <summary>Moves a whole session to another date (admin). Without <c>Confirm</c> it only previews.</summary>
public sealed record RescheduleSessionRequest(DateOnly ToDate, bool Confirm = false);

public sealed record ReschedulePlanDto(Guid ToSessionId, IReadOnlyList<BookingMoveDto> Moves, bool Applied);

public sealed record BookingMoveDto(string Code, string? FromSlot, DateOnly ToDate, string? ToSlot);

public sealed record CheckInRequest(string Code);

/// <summary>Moves one booking to a free time of a session (staff), with the reason the resident will hear.</summary>
public sealed record MoveBookingRequest(Guid ToSessionId, string SlotStart, string Reason);

/// <summary>A booking as staff see it: the name and phone to call, the IIN's last four digits only.</summary>
public sealed record StaffBookingDto(Guid Id, string Code, string State, string? SlotStart, string FullName, string Phone, string IinLastFour,
    string Topic, string Text, int? WaitingListPosition, string? TicketNumber = null, string? Outcome = null);

/// <summary>A resident to call about their booking (the default notification channel).</summary>
public sealed record ResidentNoticeDto(long Id, string Kind, DateTimeOffset CreatedAt, string Code, string FullName, string Phone,
    string DeputyName, DateOnly Date, string? SlotStart, string State);

/// <summary>A deputy akim's weekly reception (admin); sessions are generated from it some weeks ahead, on working days.</summary>
/// <param name="Weekday"><c>Monday</c> … <c>Friday</c>.</param>
public sealed record CreateScheduleRequest(string DeputyName, int? DistrictAgencyId,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DayOfWeek>))] DayOfWeek Weekday,
    string Start, string End,
    int SlotMinutes, int PlacesPerSlot, int? DeskId, DateOnly ActiveFrom);

public sealed record ScheduleCreatedDto(Guid Id, IReadOnlyList<DateOnly> SessionsGenerated);

/// <summary>Registers a written appeal from a personal reception (staff): the deadline is 15 working days.</summary>
public sealed record RegisterAppealRequest(Guid TicketId, string RegistrationNumber, string Subject);

/// <summary>
/// Extends an appeal's deadline (admin), at most two months from registration; the resident is told within 3 working days.
/// <paramref name="Reason"/> (1–200 characters, e.g. a site visit or a commission) is required and kept in the audit.
/// </summary>
public sealed record ExtendAppealRequest(DateOnly NewDue, string? Reason = null);

/// <summary>A completed personal-reception visit an appeal can be registered from.</summary>
public sealed record ReceptionVisitDto(Guid TicketId, string TicketNumber, DateTimeOffset ClosedAt, bool HasAppeal);

/// <summary><c>Standing</c>: <c>on-time</c>, <c>near-due</c> (within 3 working days), <c>overdue</c>, or <c>closed</c>.</summary>
public sealed record AppealDto(Guid Id, string TicketNumber, string RegistrationNumber, string Subject, DateOnly RegisteredOn, DateOnly DueOn,
    DateOnly? ExtendedOn, DateOnly? TellResidentBy, DateOnly? ClosedOn, string Standing);

/// <summary>The working-day calendar: holidays and days off, and weekend days made working by the government's transfers.</summary>
public sealed record WorkingCalendarDto(IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> WorkingWeekends, DateOnly? KnownUntil = null);
