using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Audit;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// Residents' details (name, phone, the last four IIN digits, the matter) by need: administrators see
/// every session's; an officer only those of the sessions held at a desk they are assigned to (a
/// session without a desk: at any desk of the personal-reception service). An officer of another
/// agency has no reason to know who comes to a deputy akim, nor to move or cancel their booking.
/// </summary>
public sealed class ReceptionReaders(FrontOfficeDb db, CurrentActor current)
{
    /// <summary>What the caller of this scope may see.</summary>
    public async Task<ReceptionReach> ReachAsync(CancellationToken ct)
    {
        // The server's own jobs (no request, the clock, the console) act for the office as a whole.
        if (current.Value is not { } actor || actor.DeviceId is null && actor.UserId is null)
        {
            return ReceptionReach.Everything;
        }

        if (actor.UserId is not { } userId)
        {
            return ReceptionReach.Nothing;
        }

        var admin = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId && r.Name == StaffRoles.Admin select ur).AnyAsync(ct);
        if (admin)
        {
            return ReceptionReach.Everything;
        }

        var desks = await db.OfficerDesks.Where(o => o.UserId == userId).Select(o => o.DeskId).ToListAsync(ct);
        var atReceptionDesk = await (from ds in db.DeskServices join s in db.Services on ds.ServiceId equals s.Id
                                     where desks.Contains(ds.DeskId) && s.Code == CheckIn.ReceptionServiceCode select ds).AnyAsync(ct);
        return new ReceptionReach(false, desks, atReceptionDesk);
    }

    /// <summary>Refuses (403 <c>not-your-reception</c>) unless the caller may see the session's residents.</summary>
    public async Task DemandAsync(Guid sessionId, CancellationToken ct)
    {
        var reach = await ReachAsync(ct);
        if (reach.All)
        {
            return;
        }

        var deskId = await db.ReceptionSessions.Where(s => s.Id == sessionId).Select(s => new { s.DeskId }).SingleOrDefaultAsync(ct)
            ?? throw ProblemException.NotFound(ProblemTypes.NotFound, "There is no such reception session.");
        if (!reach.Covers(deskId.DeskId))
        {
            throw ProblemException.Forbidden(ProblemTypes.NotYourReception);
        }
    }
}

/// <summary>Which sessions' residents a caller may see.</summary>
public sealed record ReceptionReach(bool All, IReadOnlyCollection<int> Desks, bool AtReceptionDesk)
{
    public static readonly ReceptionReach Everything = new(true, [], false);
    public static readonly ReceptionReach Nothing = new(false, [], false);

    public bool Covers(int? sessionDeskId) => All || (sessionDeskId is { } desk ? Desks.Contains(desk) : AtReceptionDesk);

    public bool Covers(ReceptionSession session) => Covers(session.DeskId);
}
