using System.Text.Json.Serialization;

namespace OpenAlmaty.FrontOffice.Contracts;

public sealed record LoginRequest(string UserName, string Password);

/// <summary>
/// The owner of an account sets a new password, giving the current one: at the first sign-in of the
/// bootstrap admin (or after the console's recovery), when sign-in answers <c>password-change-required</c>.
/// </summary>
public sealed record ChangePasswordRequest(string UserName, string CurrentPassword, string NewPassword);

public sealed record WhoAmIDto(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<int> DeskIds);

[JsonConverter(typeof(JsonStringEnumConverter<DeviceKindDto>))]
public enum DeviceKindDto
{
    [JsonStringEnumMemberName("kiosk")] Kiosk,
    [JsonStringEnumMemberName("display")] Display,
}

/// <summary>Enrols a kiosk or display (admin). The token is shown once.</summary>
public sealed record EnrolDeviceRequest(DeviceKindDto Kind, string Name);

public sealed record EnrolledDeviceDto(Guid Id, string Token);

public sealed record DeviceDto(Guid Id, DeviceKindDto Kind, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastSeenAt,
    string? PrinterAddress = null, string? PrinterProfile = null, string? PrinterFault = null,
    string? DisplayLayout = null, string? DisplayGroup = null, string? DisplaySound = null, string? Ticker = null);

/// <summary>Creates a desk officer who may act for the given desks (admin).</summary>
public sealed record CreateOfficerRequest(string UserName, string Password, IReadOnlyList<int> DeskIds);

public sealed record CreatedOfficerDto(string Id, string UserName);

/// <summary>Assigns a printer to a kiosk (admin); a null address removes it.</summary>
/// <param name="Address"><c>host</c> or <c>host:port</c> (a network printer, port 9100 by default), a device path on the
/// server (<c>/dev/usb/lp0</c>), or <c>agent</c>: a printer on the kiosk PC, served by the print agent there.</param>
/// <param name="Profile">Printer profile code: <c>epson-80</c>, <c>generic-80</c> or <c>generic-58</c>.</param>
public sealed record PrinterSettingsRequest(string? Address, string? Profile);

/// <summary>How a print job ended: <c>printed</c>, <c>none</c> (no printer) or the fault in kebab case (<c>paper-out</c>, <c>cover-open</c>, <c>offline</c>, <c>no-answer</c>, <c>unreachable</c>, <c>error</c>).</summary>
public sealed record PrintResultDto(string Status, string? Mode, string? Detail);

/// <summary>One print job of a kiosk, newest first: what happened and why.</summary>
public sealed record PrintJobDto(long Id, string? TicketNumber, DateTimeOffset At, string Mode, string Status, string? Detail, bool IsReprint);

/// <summary>What an officer's console shows for one desk, read in one go.</summary>
/// <param name="Waiting">In the order this desk will call them (<c>QueueOrder.ForDesk</c>), then those reserved for another desk.</param>
public sealed record DeskConsoleDto(
    DeskDto Desk,
    IReadOnlyList<DeskDto> MyDesks,
    IReadOnlyList<ServiceDto> Services,
    CurrentVisitDto? Current,
    IReadOnlyList<WaitingTicketDto> Waiting,
    IReadOnlyList<WaitingTicketDto> Parked);

/// <summary>The visitor at the desk: how long they waited and have been served, and why they were called.</summary>
public sealed record CurrentVisitDto(TicketDto Ticket, DateTimeOffset ArrivedAt, DateTimeOffset CalledAt, DateTimeOffset? ServingStartedAt,
    string CallRule, string? OfficerReason, string? TransferNote, int RecallLimit);

/// <summary>A ticket in a desk's waiting (or parked) list. No personal data: a number and times.</summary>
/// <param name="ReservedForDesk">Sent to that other desk, which serves now: listed after this desk's own call order,
/// and called by this desk only by hand.</param>
public sealed record WaitingTicketDto(Guid Id, string Number, int ServiceId, string Priority, string Tier, DateTimeOffset ArrivedAt,
    DateTimeOffset? AppointmentAt, int Version, bool Transferred, string? ReservedForDesk = null);

/// <summary>A hall display's settings (admin). <c>Layout</c>: <c>hall</c> or <c>group</c>; <c>Group</c>: an agency kind;
/// <c>Sound</c>: <c>voice</c>, <c>chime</c> or <c>off</c>; <c>Ticker</c>: a line of text with b/i/u/br, sanitized.</summary>
public sealed record DisplaySettingsRequest(string Layout, string? Group, string Sound, string? Ticker);

/// <summary>One audited action; <c>Actor</c> is a staff login or device name.</summary>
public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Detail, string Hash);

/// <summary>The audit chain checked: intact, or the first entry where it breaks and why.</summary>
public sealed record AuditVerificationDto(bool Intact, int Entries, long? BrokenAt, string? Reason);

/// <summary>A staff account as administrators see it: never its password.</summary>
public sealed record StaffAccountDto(string Id, string UserName, IReadOnlyList<string> Roles, IReadOnlyList<int> DeskIds, bool Locked, DateTimeOffset CreatedAt);

/// <summary>A new password set by an administrator (the officer forgot theirs).</summary>
public sealed record ResetPasswordRequest(string NewPassword);

/// <summary>Locks an account (the officer left, a password leaked) or unlocks it.</summary>
public sealed record LockAccountRequest(bool Locked);

/// <summary>The desks an officer may work at.</summary>
public sealed record OfficerDesksRequest(IReadOnlyList<int> DeskIds);

/// <summary>
/// Which audit entries to list, newest first: Almaty days <paramref name="From"/>–<paramref name="To"/>
/// (inclusive), one person (a staff user name or a device name, as the list shows them), an action
/// or an action family ending in a dot (<c>roster.</c>); a page older than <paramref name="BeforeId"/>
/// or newer than <paramref name="AfterId"/> (keyset paging by id).
/// </summary>
public sealed record AuditFilter(int Take = 200, string? Action = null, DateOnly? From = null, DateOnly? To = null,
    string? Actor = null, long? BeforeId = null, long? AfterId = null);
