using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
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
            : (0, new Domain.Queue.WaitRange(0, 0));
        var deskNumber = await DeskNumberAsync(db, ticket.DeskId, ct);
        return new TicketDto(ticket.Id, ticket.PublicId, ticket.DisplayNumber, ticket.ServiceId,
            Utc(ticket.IssuedAt), ahead, new WaitRangeDto(wait.FromMinutes, wait.ToMinutes), new PrintStatusDto("none"),
            ticket.State.ToString(), ticket.Priority.ToString(), deskNumber, ticket.DeskId, ticket.RecallCount,
            ticket.Version, ticket.IsTraining);
    }

    /// <summary>A ticket just issued, with the standing it was promised (no further reads).</summary>
    public static TicketDto AtIssue(Ticket ticket) =>
        new(ticket.Id, ticket.PublicId, ticket.DisplayNumber, ticket.ServiceId, Utc(ticket.IssuedAt), ticket.PeopleAheadAtIssue,
            new WaitRangeDto(ticket.PromisedWaitFromMinutes, ticket.PromisedWaitToMinutes), new PrintStatusDto("none"),
            ticket.State.ToString(), ticket.Priority.ToString(), null, null, 0, ticket.Version, ticket.IsTraining);

    public static async Task<PublicTicketDto> ToPublicAsync(FrontOfficeDb db, Ticket ticket, DateTime nowUtc, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Agency).SingleAsync(s => s.Id == ticket.ServiceId, ct);
        var (ahead, wait) = await StandingAsync(db, ticket, service, nowUtc, ct);
        var waiting = ticket.State == TicketState.Waiting;
        var called = ticket.State is TicketState.Called or TicketState.Serving;
        return new PublicTicketDto(ticket.DisplayNumber, ticket.State.ToString(), service.Id,
            service.NameKk, service.NameRu, service.NameEn, waiting ? ahead + 1 : null, ahead,
            new WaitRangeDto(wait.FromMinutes, wait.ToMinutes),
            called ? await DeskNumberAsync(db, ticket.DeskId, ct) : null,
            called && ticket.CalledAt is { } at ? Utc(at) : null,
            service.Agency!.NameKk, service.Agency.NameRu, service.Agency.NameEn);
    }

    /// <summary>
    /// People ahead and the wait range; zero for a ticket that is no longer waiting. Arrival ties
    /// (two kiosks in the same tick) are broken by the number, as the call order breaks them.
    /// </summary>
    private static async Task<(int, Domain.Queue.WaitRange)> StandingAsync(
        FrontOfficeDb db, Ticket ticket, Service service, DateTime nowUtc, CancellationToken ct)
    {
        if (ticket.State != TicketState.Waiting)
        {
            return (0, new Domain.Queue.WaitRange(0, 0));
        }

        var sameTier = ServiceQueue.WaitingToday(db, ticket.ServiceId, nowUtc).Where(t => t.Tier == ticket.Tier);
        var index = ticket.Tier == TicketTier.Reception
            ? await sameTier.CountAsync(t => t.AppointmentAt < ticket.AppointmentAt
                || (t.AppointmentAt == ticket.AppointmentAt && t.Number < ticket.Number), ct)
            : await sameTier.CountAsync(t => t.ArrivedAt < ticket.ArrivedAt
                || (t.ArrivedAt == ticket.ArrivedAt && t.Number < ticket.Number), ct);
        return (await ServiceQueue.LoadAsync(db, service, nowUtc, ct)).Position(ticket.Tier, index);
    }

    private static async Task<string?> DeskNumberAsync(FrontOfficeDb db, int? deskId, CancellationToken ct) =>
        deskId is null ? null : await db.Desks.Where(d => d.Id == deskId).Select(d => d.Number).SingleOrDefaultAsync(ct);

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
