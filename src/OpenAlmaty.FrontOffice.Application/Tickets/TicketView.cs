using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>Builds the wire views of a ticket: where it stands now, with no personal data.</summary>
public static class TicketView
{
    public static async Task<TicketDto> ToDtoAsync(FrontOfficeDb db, Ticket ticket, DateTime nowUtc, CancellationToken ct)
    {
        var (ahead, wait) = ticket.State == TicketState.Waiting
            ? await StandingAsync(db, ticket, await db.Services.AsNoTracking().SingleAsync(s => s.Id == ticket.ServiceId, ct), nowUtc, ct)
            : (0, new WaitRangeDto(0, 0));
        var deskNumber = await DeskNumberAsync(db, ticket.DeskId, ct);
        return new TicketDto(ticket.Id, ticket.PublicId, ticket.DisplayNumber, ticket.ServiceId,
            Utc(ticket.IssuedAt), ahead, wait, new PrintStatusDto("none"),
            ticket.State.ToString(), ticket.Priority.ToString(), deskNumber, ticket.DeskId, ticket.RecallCount,
            ticket.Version, ticket.IsTraining);
    }

    /// <summary>A ticket just issued, with the standing it was promised (no further reads).</summary>
    public static TicketDto AtIssue(Ticket ticket) =>
        new(ticket.Id, ticket.PublicId, ticket.DisplayNumber, ticket.ServiceId, Utc(ticket.IssuedAt), ticket.PeopleAheadAtIssue,
            Promised(ticket), new PrintStatusDto("none"),
            ticket.State.ToString(), ticket.Priority.ToString(), null, null, 0, ticket.Version, ticket.IsTraining);

    public static async Task<PublicTicketDto> ToPublicAsync(FrontOfficeDb db, Ticket ticket, DateTime nowUtc, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Agency).SingleAsync(s => s.Id == ticket.ServiceId, ct);
        var (ahead, wait) = await StandingAsync(db, ticket, service, nowUtc, ct);
        var waiting = ticket.State == TicketState.Waiting;
        var called = ticket.State is TicketState.Called or TicketState.Serving;
        // A no-show keeps the desk that called it: that window takes the visitor back within the service's window.
        var noShow = ticket.State == TicketState.NoShow;
        return new PublicTicketDto(ticket.DisplayNumber, ticket.State.ToString(), service.Id,
            service.NameKk, service.NameRu, service.NameEn, waiting ? ahead + 1 : null, ahead,
            wait,
            called ? await DeskNumberAsync(db, ticket.DeskId, ct) : null,
            called && ticket.CalledAt is { } at ? Utc(at) : null,
            service.Agency!.NameKk, service.Agency.NameRu, service.Agency.NameEn,
            Language: ticket.Language, Transferred: waiting && ticket.TransferCount > 0,
            RejoinDeskNumber: noShow ? await DeskNumberAsync(db, ticket.DeskId, ct) : null,
            RejoinWindowMinutes: noShow ? service.RejoinWindowMinutes : null,
            RejoinUntil: noShow && ticket.ClosedAt is { } closed ? Utc(closed.AddMinutes(service.RejoinWindowMinutes)) : null);
    }

    /// <summary>
    /// People ahead and the wait; zero for a ticket that is no longer waiting. The place in its tier
    /// is counted by <see cref="QueueOrder.AheadInTier(Ticket)"/>, the call order's own tie-break.
    /// </summary>
    private static async Task<(int, WaitRangeDto)> StandingAsync(
        FrontOfficeDb db, Ticket ticket, Service service, DateTime nowUtc, CancellationToken ct)
    {
        if (ticket.State != TicketState.Waiting)
        {
            return (0, new WaitRangeDto(0, 0));
        }

        var index = await ServiceQueue.WaitingToday(db, ticket.ServiceId, nowUtc).Where(t => t.Tier == ticket.Tier)
            .Where(QueueOrder.AheadInTier(ticket)).CountAsync(ct);
        var queue = await ServiceQueue.LoadAsync(db, service, nowUtc, ct);
        var (ahead, wait) = queue.Position(ticket.Tier, index, ticket.AppointmentAt);
        return (ahead, queue.ToDto(wait));
    }

    /// <summary>The wait the kiosk showed when the ticket was issued, as it was stored.</summary>
    public static WaitRangeDto Promised(Ticket ticket) =>
        new(ticket.PromisedWaitFromMinutes, ticket.PromisedWaitToMinutes, BasisName(ticket.PromisedWaitBasis));

    /// <summary>The wire name of a wait's basis.</summary>
    public static string BasisName(WaitBasis basis) => basis switch
    {
        WaitBasis.NoDeskServing => WaitBases.NoDeskOpen,
        WaitBasis.Slot => WaitBases.Slot,
        _ => WaitBases.Estimate,
    };

    private static async Task<string?> DeskNumberAsync(FrontOfficeDb db, int? deskId, CancellationToken ct) =>
        deskId is null ? null : await db.Desks.Where(d => d.Id == deskId).Select(d => d.Number).SingleOrDefaultAsync(ct);

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
