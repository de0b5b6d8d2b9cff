using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Devices;

/// <summary>Enrols a kiosk or display; the token is returned once and only its hash is kept.</summary>
public sealed class EnrolDevice(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task<EnrolledDeviceDto> HandleAsync(EnrolDeviceRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "A device name is 1 to 100 characters.");
        }

        var kind = request.Kind == DeviceKindDto.Kiosk ? DeviceKind.Kiosk : DeviceKind.Display;
        var (device, token) = Device.Enrol(kind, name, clock.GetUtcNow().UtcDateTime);
        db.Devices.Add(device);
        await audit.CommitAsync("device.enrol", $"device {device.Id:N}", $"{kind}: {name}", ct);
        return new EnrolledDeviceDto(device.Id, token);
    }
}

public sealed class ListDevices(FrontOfficeDb db)
{
    public async Task<IReadOnlyList<DeviceDto>> HandleAsync(CancellationToken ct)
    {
        var devices = await db.Devices.AsNoTracking().OrderBy(d => d.CreatedAt).ToListAsync(ct);
        return devices.Select(d => new DeviceDto(d.Id, d.Kind == DeviceKind.Kiosk ? DeviceKindDto.Kiosk : DeviceKindDto.Display,
            d.Name, TicketView.Utc(d.CreatedAt), d.RevokedAt is { } r ? TicketView.Utc(r) : null,
            d.LastSeenAt is { } s ? TicketView.Utc(s) : null, d.PrinterAddress, d.PrinterProfile, d.PrinterFault,
            d.Kind == DeviceKind.Display ? d.DisplayLayout : null, d.DisplayGroup, d.Kind == DeviceKind.Display ? d.DisplaySound : null, d.TickerHtml)).ToList();
    }
}

/// <summary>Revokes a device at once: its next request is refused.</summary>
public sealed class RevokeDevice(FrontOfficeDb db, TimeProvider clock, DeviceTokens tokens, Audit.AuditTrail audit)
{
    public async Task HandleAsync(Guid deviceId, CancellationToken ct)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownDevice, "There is no such device.");
        var now = clock.GetUtcNow().UtcDateTime;
        device.RevokedAt ??= now;
        Outbox.Add(db, new DeviceStatusChangedEvent(0, device.Id, "revoked"), now);
        await audit.CommitAsync("device.revoke", $"device {device.Id:N}", device.Name, ct);
        tokens.Forget(device.TokenHash);
    }
}
