namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>
/// How long residents' personal data is kept: bookings (name, phone, matter, IIN hash and digits),
/// officers' and visitors' free text on tickets, and the nightly report files that quote it.
/// Data of days before <see cref="ErasesBefore"/> is erased by the hourly housekeeping.
/// </summary>
public sealed record RetentionDto(int Days, DateOnly ErasesBefore, bool SetByAdmin, DateTime? ChangedAt);

public sealed record SetRetentionRequest(int Days);
