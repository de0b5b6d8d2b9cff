using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Devices;

/// <summary>Revokes a device at once: its next request is refused.</summary>
public sealed class RevokeDevice(FrontOfficeDb db, TimeProvider clock, DeviceTokens tokens, CallerStandings standings, Audit.AuditTrail audit)
{
    public async Task HandleAsync(Guid deviceId, CancellationToken ct)
    {
        var tokenHash = await Transactions.RunAsync(db, async ct =>
        {
            var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownDevice, "There is no such device.");
            var now = clock.GetUtcNow().UtcDateTime;
            device.RevokedAt ??= now;
            Outbox.Add(db, new DeviceStatusChangedEvent(0, device.Id, "revoked"), now);
            await audit.RecordAsync("device.revoke", $"device {device.Id:N}", device.Name, ct);
            return device.TokenHash;
        }, ct);
        tokens.Forget(tokenHash);
        standings.Forget(deviceId);
    }
}
