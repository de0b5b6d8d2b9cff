using OpenAlmaty.FrontOffice.Application.Common;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Devices;

/// <summary>An authenticated device.</summary>
public sealed record DeviceIdentity(Guid Id, DeviceKind Kind, string Name);

/// <summary>
/// Checks device bearer tokens. A kiosk sends one with every tap, so valid tokens are remembered
/// for a short while; revoking on this server forgets at once, and the short lifetime bounds
/// how long another server instance may still accept a revoked token. Every lookup (the bearer
/// scheme, the hub's access token, enrolment links) comes through <see cref="AuthenticateAsync"/>.
/// </summary>
public sealed class DeviceTokens(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DeviceIdentity Device, DateTime CheckedAt)> _known = new();
    private long _revocations;

    public async Task<DeviceIdentity?> AuthenticateAsync(string token, CancellationToken ct)
    {
        var hash = Device.HashToken(token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_known.TryGetValue(hash, out var entry) && now - entry.CheckedAt < Lifetime)
        {
            return entry.Device;
        }

        // A revocation that commits while this lookup reads must not be undone by it remembering the token.
        var revocations = Interlocked.Read(ref _revocations);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.TokenHash == hash && d.RevokedAt == null, ct);
        if (device is null)
        {
            _known.TryRemove(hash, out _);
            return null;
        }

        if (device.LastSeenAt is null || now - device.LastSeenAt > LastSeenResolution)
        {
            await Transactions.RunAsync(db, ct => db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSeenAt, now), ct), ct);
        }

        var identity = new DeviceIdentity(device.Id, device.Kind, device.Name);
        _known[hash] = (identity, now);
        if (Interlocked.Read(ref _revocations) != revocations)
        {
            _known.TryRemove(hash, out _);
        }

        return identity;
    }

    /// <summary>The token was revoked (committed): its next request is looked up, and refused.</summary>
    public void Forget(string tokenHash)
    {
        Interlocked.Increment(ref _revocations);
        _known.TryRemove(tokenHash, out _);
    }
}
