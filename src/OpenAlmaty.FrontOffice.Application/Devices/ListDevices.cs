using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Devices;

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
