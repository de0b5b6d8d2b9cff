using OpenAlmaty.FrontOffice.Application.Common;
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
        return await Transactions.RunAsync(db, async ct =>
        {
            var (device, token) = Device.Enrol(kind, name, clock.GetUtcNow().UtcDateTime);
            db.Devices.Add(device);
            await audit.RecordAsync("device.enrol", $"device {device.Id:N}", $"{kind}: {name}", ct);
            return new EnrolledDeviceDto(device.Id, token);
        }, ct);
    }
}
