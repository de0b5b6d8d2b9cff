using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>
/// One round of the printer watch: asks every kiosk printer the server drives itself (network or
/// USB; an agent's printer is reported by its agent) how it is, and records each change. Paper-out
/// is then found by the watch, not by the visitor whose ticket fails; a printer that recovers is
/// shown as printing again, not with the fault it had at the last job.
/// </summary>
public sealed class PollPrinters(FrontOfficeDb db, PrinterConnections printers, TimeProvider clock, Audit.AuditTrail audit)
{
    /// <returns>How many printers changed state.</returns>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var watched = await db.Devices.AsNoTracking()
            .Where(d => d.RevokedAt == null && d.PrinterAddress != null && d.PrinterAddress != PrinterConnections.Agent)
            .Select(d => new { d.Id, d.PrinterAddress, d.PrinterFault }).ToListAsync(ct);
        var changed = 0;
        foreach (var printer in watched)
        {
            var status = await printers.StatusAsync(printer.PrinterAddress!, ct);
            var fault = status.CanPrint ? null : status.Fault.Code();
            if (fault == printer.PrinterFault)
            {
                continue;
            }

            changed += await Transactions.RunAsync(db, async ct =>
            {
                // Read again inside the write: a job or the admin may have set it since the round began.
                var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == printer.Id && d.RevokedAt == null && d.PrinterAddress == printer.PrinterAddress, ct);
                if (device is null || !RecordPrinterStatus.Note(db, device, fault, clock.GetUtcNow().UtcDateTime))
                {
                    return 0;
                }

                await audit.RecordAsync("device.printer-status", $"device {device.Id:N}", fault ?? PrinterFault.Ready.Code(), ct, Actor.System);
                return 1;
            }, ct);
        }

        return changed;
    }
}
