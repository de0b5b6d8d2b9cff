using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Displays;

/// <summary>
/// An admin makes one display flash and speak a test call, to check its screen and sound from the
/// hall. Only a hall event is written (through the outbox, like every event): no ticket, no call,
/// no queue change, so no count or wait moves and no report sees it.
/// </summary>
public sealed class TestDisplay(FrontOfficeDb db, TimeProvider clock)
{
    public Task HandleAsync(Guid deviceId, CancellationToken ct) =>
        Transactions.RunAsync(db, async ct =>
        {
            var known = await db.Devices.AsNoTracking()
                .AnyAsync(d => d.Id == deviceId && d.Kind == DeviceKind.Display && d.RevokedAt == null, ct);
            if (!known)
            {
                throw ProblemException.NotFound(ProblemTypes.UnknownDevice, "There is no such display.");
            }

            var now = clock.GetUtcNow();
            Outbox.Add(db, new DisplayTestCalledEvent(0, deviceId, now), now.UtcDateTime);
            return true;
        }, ct);
}
