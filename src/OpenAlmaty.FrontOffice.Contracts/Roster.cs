using System.Text.Json.Serialization;

namespace OpenAlmaty.FrontOffice.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<AgencyKindDto>))]
public enum AgencyKindDto
{
    [JsonStringEnumMemberName("agency")] Agency,
    [JsonStringEnumMemberName("district")] District,
    [JsonStringEnumMemberName("mediator")] Mediator,
    [JsonStringEnumMemberName("reception")] Reception,
}

public sealed record RosterDto(IReadOnlyList<AgencyDto> Agencies, IReadOnlyList<DeskDto> Desks);

public sealed record AgencyDto(
    int Id, string Code, AgencyKindDto Kind, string NameKk, string NameRu, string NameEn,
    IReadOnlyList<string> Topics, bool Retired, IReadOnlyList<ServiceDto> Services);

public sealed record ServiceDto(
    int Id, string Code, string TicketPrefix, string NameKk, string NameRu, string NameEn,
    AgencyKindDto Kind, string Hours, bool OpenNow, int PriorityRatio, int RecallLimit,
    int RejoinWindowMinutes, bool Retired, int? WalkInDailyCap = null, int TargetWaitMinutes = 30, int DefaultServiceMinutes = 15);

public sealed record DeskDto(int Id, string Number, bool IsOpen, string? ClosedReason, IReadOnlyList<int> ServiceIds, bool Retired);

/// <summary>Creates a desk (admin).</summary>
public sealed record CreateDeskRequest(string Number, IReadOnlyList<int> ServiceIds);

/// <summary>Changes which services a desk serves (admin).</summary>
public sealed record UpdateDeskRequest(string Number, IReadOnlyList<int> ServiceIds);

/// <summary>Creates an agency with its first service (admin).</summary>
public sealed record CreateAgencyRequest(
    string Code, AgencyKindDto Kind, string NameKk, string NameRu, string NameEn, IReadOnlyList<string>? Topics,
    CreateServiceRequest Service);

/// <summary>Creates a service of an agency (admin).</summary>
public sealed record CreateServiceRequest(
    string Code, string TicketPrefix, string NameKk, string NameRu, string NameEn, string Hours,
    int PriorityRatio = 2, int RecallLimit = 3, int RejoinWindowMinutes = 15, int DefaultServiceMinutes = 15,
    int? WalkInDailyCap = null, int TargetWaitMinutes = 30);

/// <summary>Edits a service (admin); reaches kiosks and displays at once.</summary>
public sealed record UpdateServiceRequest(
    string TicketPrefix, string NameKk, string NameRu, string NameEn, string Hours,
    int PriorityRatio, int RecallLimit, int RejoinWindowMinutes, int DefaultServiceMinutes,
    int? WalkInDailyCap = null, int TargetWaitMinutes = 30);

/// <summary>Renames an agency or changes its kiosk topics (admin).</summary>
public sealed record UpdateAgencyRequest(string NameKk, string NameRu, string NameEn, IReadOnlyList<string>? Topics);

/// <summary>Opens or closes a desk (closing takes a reason, e.g. a break).</summary>
public sealed record CloseDeskRequest(string? Reason);

public sealed record CreatedDto(int Id);
