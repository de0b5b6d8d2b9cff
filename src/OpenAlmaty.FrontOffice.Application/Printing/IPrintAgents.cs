using OpenAlmaty.FrontOffice.Printing;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>
/// The print agents connected now, one per kiosk PC whose printer is attached there (USB).
/// A job goes to the agent while the kiosk waits; an agent that is not connected is a fault
/// like a printer that does not answer, and the job is not kept for later.
/// </summary>
public interface IPrintAgents
{
    Task<PrintOutcome> PrintAsync(Guid deviceId, byte[] job, CancellationToken ct);
}
