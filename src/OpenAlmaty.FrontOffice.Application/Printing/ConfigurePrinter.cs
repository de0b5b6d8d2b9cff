using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Printing;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>Assigns (or removes) a kiosk's printer and its profile; the address is one <see cref="PrinterAddressPolicy"/> allows.</summary>
public sealed class ConfigurePrinter(FrontOfficeDb db, Audit.AuditTrail audit, PrinterAddressPolicy policy)
{
    public async Task HandleAsync(Guid deviceId, PrinterSettingsRequest request, CancellationToken ct)
    {
        // Checked before the write slot is taken: the policy may resolve a host name.
        if (!string.IsNullOrWhiteSpace(request.Address))
        {
            if (await policy.RefusalAsync(request.Address, ct) is { } refusal)
            {
                throw ProblemException.Invalid(ProblemTypes.InvalidPrinter, refusal);
            }

            if (PrinterProfile.Find(request.Profile ?? "") is null)
            {
                throw ProblemException.Invalid(ProblemTypes.InvalidPrinter,
                    $"Unknown printer profile \"{request.Profile}\"; known: {string.Join(", ", PrinterProfile.All.Select(p => p.Code))}.");
            }
        }

        await Transactions.RunAsync(db, async ct =>
        {
            var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId && d.RevokedAt == null, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownDevice, "There is no such device.");
            if (device.Kind != DeviceKind.Kiosk)
            {
                throw ProblemException.Invalid(ProblemTypes.InvalidPrinter, "Only kiosks have printers.");
            }

            var cleared = string.IsNullOrWhiteSpace(request.Address);
            device.PrinterAddress = cleared ? null : request.Address!.Trim();
            device.PrinterProfile = cleared ? null : request.Profile;
            device.PrinterFault = null;
            await audit.RecordAsync("device.printer", $"device {deviceId:N}", $"{request.Address} · {request.Profile}", ct);
            return true;
        }, ct);
    }
}

/// <summary>
/// The admin's test print: a sample ticket with every Kazakh letter, in the mode the kiosk's
/// printer profile chooses (text where it has KZ-1048, raster otherwise), or forced to raster.
/// </summary>
public sealed class TestPrint(FrontOfficeDb db, PrinterConnections printers, PrintTicket print)
{
    public static TicketContent Sample(string url) => new(
        "A-000", "Тест: Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі", "Тест: Ёё Йй Щщ Ъъ Ээ Юю Яя",
        new DateTime(2026, 1, 1, 9, 0, 0), 0, 0, 15, url);

    public async Task<PrintResultDto> HandleAsync(Guid deviceId, bool raster, CancellationToken ct)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId && d.RevokedAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownDevice, "There is no such device.");
        if (device.PrinterAddress is null || PrinterProfile.Find(device.PrinterProfile ?? "") is not { } profile)
        {
            throw ProblemException.Conflict(ProblemTypes.NoPrinter, "Assign a printer to this kiosk first.");
        }

        var content = Sample("http://frontoffice.local/t/test");
        var (job, mode) = raster
            ? (TicketLayout.Raster(content, profile), TicketPrintMode.Raster)
            : TicketLayout.Render(content, profile);
        var outcome = await printers.PrintAsync(device, job, ct);
        return await print.RecordAsync(device, null, mode, outcome, reprint: false, requestedBy: null, ct);
    }
}
