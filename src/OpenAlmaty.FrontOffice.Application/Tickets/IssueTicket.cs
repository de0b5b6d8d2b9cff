using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>The outcome of an issue: the ticket, and whether this request created it.</summary>
public sealed record IssuedTicket(TicketDto Ticket, bool Created);

/// <summary>
/// Issues a ticket at a kiosk. The number, the ticket, its events and the idempotency record are
/// committed together, durably, before the 201 goes out: a visitor who saw a number has a ticket.
/// </summary>
public sealed class IssueTicket(FrontOfficeDb db, TimeProvider clock, IOptions<FrontOfficeOptions> options, PrintTicket print, RosterCache roster)
{
    public const string Operation = "issue-ticket";

    // Compiled once: EF then skips translating and caching it per tap (used where no memory of the day's counters is kept).
    private static readonly Func<FrontOfficeDb, DateOnly, string, CancellationToken, Task<int?>> LastNumber =
        EF.CompileAsyncQuery((FrontOfficeDb db, DateOnly day, string prefix, CancellationToken ct) =>
            db.Tickets.Where(t => t.ServiceDay == day && t.Prefix == prefix).Max(t => (int?)t.Number));

    public async Task<IssuedTicket> HandleAsync(Actor actor, string idempotencyKey, IssueTicketRequest request, CancellationToken ct)
    {
        // Reads that need no lock come first; the write lock is held only for numbering and saving.
        var operation = Idempotency.For(Operation, request.ServiceId, request.Language, request.Priority);
        if (await ReplayAsync(actor, idempotencyKey, operation, ct) is { } replay)
        {
            return replay;
        }

        // The roster comes from memory, forgotten whenever it changes: a tap reads no service row.
        var service = (await roster.GetAsync(db, ct)).Services.GetValueOrDefault(request.ServiceId);
        if (service is null || service.RetiredAt is not null || service.Agency?.RetiredAt is not null)
        {
            throw ProblemException.NotFound(ProblemTypes.UnknownService, $"There is no service {request.ServiceId}.");
        }

        var training = options.Value.TrainingMode;
        if (!service.IsOpenAt(clock.GetUtcNow().UtcDateTime, training))
        {
            throw ProblemException.Conflict(ProblemTypes.ServiceClosed, $"Hours: {service.Hours}");
        }

        var history = await ServiceQueue.LoadHistoryAsync(db, service.Id, ct);
        IssuedTicket result;
        Ticket? issuedTicket = null;
        try
        {
            result = await Transactions.RunAsync(db, async ct =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (service.WalkInDailyCap is { } cap)
                {
                    // Counted under the write lock: two kiosks cannot both take the last place.
                    var day = AlmatyClock.ServiceDay(now);
                    if (await WalkInsAsync(db, service.Id, day, ct) >= cap)
                    {
                        throw ProblemException.Conflict(ProblemTypes.WalkInCapReached, $"All {cap} of today's tickets for this service are taken.");
                    }
                }

                var issued = await IssueAsync(db, service, request.Language, Map(request.Priority), now, training, ct,
                    history: history, issuedBy: actor.DeviceId);
                Idempotency.Remember(db, actor, idempotencyKey, operation, issued.Id, now);
                issuedTicket = issued;
                return new IssuedTicket(TicketView.AtIssue(issued), Created: true);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Two taps with one key raced past the first check: the key's primary key let one
            // through and rolled the other back whole; the loser answers with the winner's ticket.
            var raced = await ReplayAsync(actor, idempotencyKey, operation, ct);
            if (raced is null)
            {
                throw;
            }

            return raced;
        }


        // Printed after the commit: whatever the printer does, the ticket stands and the kiosk
        // shows it with its QR.
        var printed = await print.IssuedAsync(issuedTicket!, ct);
        return result with { Ticket = result.Ticket with { Print = new PrintStatusDto(printed.Status) } };
    }

    /// <summary>The ticket an earlier request with the same key issued, as it stands now.</summary>
    private async Task<IssuedTicket?> ReplayAsync(Actor actor, string idempotencyKey, string operation, CancellationToken ct)
    {
        var earlier = await Idempotency.FindAsync(db, actor, idempotencyKey, operation, ct);
        if (earlier?.TicketId is not { } id)
        {
            return null;
        }

        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id, ct);
        var dto = await TicketView.ToDtoAsync(db, ticket, clock.GetUtcNow().UtcDateTime, ct);
        var printed = await print.LastAsync(id, ct);
        return new IssuedTicket(dto with { Print = new PrintStatusDto(printed.Status) }, Created: false);
    }

    /// <summary>
    /// Takes the next number of the day for the service's prefix and saves the ticket with its
    /// events. Runs inside the caller's transaction (also used by reception check-in).
    /// </summary>
    public static async Task<Ticket> IssueAsync(
        FrontOfficeDb db, Service service, VisitorLanguage language, Priority priority, DateTime now, bool training,
        CancellationToken ct, DateTime? appointmentAt = null, ServiceQueue.History? history = null, Guid? issuedBy = null)
    {
        var day = AlmatyClock.ServiceDay(now);
        var last = DayCounters.Of(db) is { } counters
            ? await counters.LastNumberAsync(day, service.Prefix, ct)
            : await LastNumber(db, day, service.Prefix, ct) ?? 0;

        var tier = appointmentAt is not null ? TicketTier.Reception
            : priority == Priority.None ? TicketTier.Regular : TicketTier.Priority;
        var queue = await ServiceQueue.LoadAsync(db, service, now, ct, history);
        var (ahead, wait) = queue.Newcomer(tier);
        var after = queue.With(tier);
        if (appointmentAt is { } slot)
        {
            // A booking takes its place among the receptions by its slot, not at the end of the line.
            var index = await ServiceQueue.WaitingToday(db, service.Id, now).Where(t => t.Tier == TicketTier.Reception)
                .Where(QueueOrder.AheadInTier(tier, slot, now, service.Prefix, last + 1)).CountAsync(ct);
            after = queue.With(tier, dueReception: slot <= now);
            (ahead, wait) = after.Position(tier, index, slot);
        }

        var ticket = Ticket.Issue(Guid.CreateVersion7(), NewPublicId(), service.Id, service.Prefix, last + 1, day,
            language.ToString().ToLowerInvariant(), priority, now, ahead, wait, training, appointmentAt, issuedBy);
        db.Tickets.Add(ticket);
        Outbox.Add(db, new TicketIssuedEvent(0, ticket.DisplayNumber, service.Id, TicketView.Utc(now), training), now);
        Outbox.Add(db, after.Changed(), now);
        return ticket;
    }

    /// <summary>Walk-in tickets taken today for the service (a cap counts them): the writer's memory, else the database.</summary>
    private static async Task<int> WalkInsAsync(FrontOfficeDb db, int serviceId, DateOnly day, CancellationToken ct) =>
        DayCounters.Of(db) is { } counters
            ? await counters.WalkInsAsync(serviceId, day, ct)
            : await db.Tickets.CountAsync(t => t.IssuedServiceId == serviceId && t.ServiceDay == day && t.AppointmentAt == null, ct);

    /// <summary>128 random bits: the public status page cannot be found by guessing.</summary>
    private static string NewPublicId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Priority Map(TicketPriority priority) => priority switch
    {
        TicketPriority.Elderly => Priority.Elderly,
        TicketPriority.Disabled => Priority.Disabled,
        TicketPriority.Pregnant => Priority.Pregnant,
        _ => Priority.None,
    };
}
