using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>
/// Keeps a kiosk printer's last known state, as its print agent reports it between jobs, so that
/// staff see "cover open" before a visitor finds it. Only a change is announced.
/// </summary>
public sealed class RecordPrinterStatus(FrontOfficeDb db, TimeProvider clock)
{
    /// <summary>What staff see while a kiosk's print agent is not connected.</summary>
    public const string AgentOffline = "agent-offline";

    public async Task HandleAsync(Guid deviceId, string status, CancellationToken ct)
    {
        var fault = status == PrinterFault.Ready.Code() ? null
            : status == AgentOffline || PrinterFaultCodes.Parse(status) is not null ? status
            : throw ProblemException.Invalid(ProblemTypes.InvalidPrinter, $"\"{status}\" is not a printer status.");
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId && d.RevokedAt == null, ct);
        if (device?.PrinterAddress != PrinterConnections.Agent)
        {
            return;
        }

        await Transactions.RunAsync(db, ct => Task.FromResult(Note(db, device, fault, clock.GetUtcNow().UtcDateTime)), ct);
    }

    /// <summary>Sets the fault (null: prints) and queues the announcement when it changed; true when it did.</summary>
    internal static bool Note(FrontOfficeDb db, Device device, string? fault, DateTime now)
    {
        var changed = device.PrinterFault != fault;
        device.PrinterFault = fault;
        device.PrinterCheckedAt = now;
        if (changed)
        {
            Outbox.Add(db, new DeviceStatusChangedEvent(0, device.Id, fault is null ? "printer-ready" : "printer-" + fault), now);
        }

        return changed;
    }
}
