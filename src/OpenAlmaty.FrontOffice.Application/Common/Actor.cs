namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>Who asks: a staff user or an enrolled device. Idempotency keys are scoped to it.</summary>
public sealed record Actor(string Scope, string? UserId, Guid? DeviceId)
{
    public static Actor User(string userId) => new($"user:{userId}", userId, null);
    public static Actor Device(Guid deviceId) => new($"device:{deviceId:N}", null, deviceId);

    /// <summary>The server itself, acting on the clock (an offer running out) rather than on anyone's request.</summary>
    public static readonly Actor System = new("system", null, null);

    /// <summary>The server's own user at its console (the account recovery command).</summary>
    public static readonly Actor Console = new("console", null, null);
}
