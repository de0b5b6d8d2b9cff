using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Receptions;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Printing;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>
/// Prints a booking's slip (code, deputy akim, date and time, QR of the status page) on the
/// printer of the kiosk where the resident booked, after the booking is committed: the booking
/// stands whatever the printer does, and the code stays on the screen.
/// </summary>
public sealed class PrintBookingSlip(FrontOfficeDb db, GetBooking bookings, PrinterConnections printers, PrintTicket print,
    IOptions<FrontOfficeOptions> options)
{
    public async Task<PrintResultDto> HandleAsync(Guid? deviceId, string code, CancellationToken ct)
    {
        var device = deviceId is { } id ? await db.Devices.SingleOrDefaultAsync(d => d.Id == id && d.RevokedAt == null, ct) : null;
        if (device?.PrinterAddress is null || PrinterProfile.Find(device.PrinterProfile ?? "") is not { } profile)
        {
            return new PrintResultDto(PrintTicket.NoPrinter, null, null);
        }

        var booking = await bookings.HandleAsync(code, ct);
        var slip = new BookingSlipContent(booking.Code, booking.DeputyName, booking.Date, booking.SlotStart, booking.DeskNumber,
            booking.WaitingListPosition, $"{options.Value.PublicBaseUrl.TrimEnd('/')}/b/{booking.Code}");
        var (job, mode) = TicketLayout.Render(slip, profile);
        var outcome = await printers.PrintAsync(device, job, ct);
        return await print.RecordAsync(device, null, mode, outcome, reprint: false, requestedBy: null, ct);
    }
}
