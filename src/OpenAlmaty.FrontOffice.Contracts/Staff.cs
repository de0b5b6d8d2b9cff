using System.Text.Json.Serialization;

namespace OpenAlmaty.FrontOffice.Contracts;

public sealed record LoginRequest(string UserName, string Password);

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

public sealed record DeviceDto(Guid Id, DeviceKindDto Kind, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastSeenAt);

/// <summary>Creates a desk officer who may act for the given desks (admin).</summary>
public sealed record CreateOfficerRequest(string UserName, string Password, IReadOnlyList<int> DeskIds);

public sealed record CreatedOfficerDto(string Id, string UserName);
