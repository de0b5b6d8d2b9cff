using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>An officer action on a ticket whose request carries at most the version the officer saw.</summary>
public interface ITicketAction
{
    Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct);
}

/// <summary>The visitor came to the desk: service time starts.</summary>
public sealed class StartServing(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "start", key, version, async c =>
        {
            c.Ticket.StartServing(c.Now);
            var call = await c.Db.TicketCalls.Where(x => x.TicketId == c.Ticket.Id && x.EndedAt == null)
                .OrderByDescending(x => x.Id).FirstOrDefaultAsync(c.Cancellation);
            call?.ServingStartedAt = c.Now;
        }, ct);
}

/// <summary>Calls the visitor again; past the service's recall limit the ticket becomes a no-show.</summary>
public sealed class Recall(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "recall", key, version, async c =>
        {
            var deskId = c.Ticket.DeskId;
            c.Ticket.Recall(c.Now, c.Service.RecallLimit);
            if (c.Ticket.State == TicketState.NoShow)
            {
                await c.EndCallAsync(CallOutcome.NoShow);
                c.TicketClosed(nameof(TicketState.NoShow));
                return;
            }

            var desk = await c.Db.Desks.Where(d => d.Id == deskId).Select(d => d.Number).SingleAsync(c.Cancellation);
            c.Publish(new TicketRecalledEvent(0, c.Ticket.DisplayNumber, desk,
                c.Ticket.ServiceId, c.Ticket.RecallCount, TicketView.Utc(c.Now)));
        }, ct);
}

/// <summary>The visitor did not come.</summary>
public sealed class MarkNoShow(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "no-show", key, version, async c =>
        {
            c.Ticket.MarkNoShow(c.Now);
            await c.EndCallAsync(CallOutcome.NoShow);
            c.TicketClosed(nameof(TicketState.NoShow));
        }, ct);
}

/// <summary>The visit is done, with the outcome and topic the officer records.</summary>
public sealed class Complete(TicketChange change) : ITicketAction
{
    /// <summary>The outcome codes of the vocabulary, each to its domain value (<c>appeal-registered</c> is AppealRegistered).</summary>
    public static readonly IReadOnlyDictionary<string, VisitOutcome> Outcomes = Codes.Map<VisitOutcome>(VisitOutcomes.All);

    public static readonly IReadOnlyDictionary<string, VisitTopic> Topics = Codes.Map<VisitTopic>(VisitTopics.All);

    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        HandleAsync(actor, id, key, new CompleteTicketRequest(Version: version), ct);

    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, CompleteTicketRequest request, CancellationToken ct)
    {
        var record = RecordOf(request);
        return change.RunAsync(actor, id, "complete", key, request.Version, async c =>
        {
            c.Ticket.Complete(c.Now, record);
            await c.EndCallAsync(CallOutcome.Completed);
            c.TicketClosed(nameof(TicketState.Completed));
        }, ct);
    }

    /// <summary>Checked before anything is read: a bad record changes nothing.</summary>
    private static VisitRecord? RecordOf(CompleteTicketRequest r)
    {
        if (r.Outcome is null && r.Topic is null && r.KskName is null && r.Note is null)
        {
            return null;
        }

        if (r.Outcome is null || !Outcomes.TryGetValue(r.Outcome, out var outcome))
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, $"outcome is one of: {string.Join(", ", Outcomes.Keys)}.");
        }

        if (r.Topic is null || !Topics.TryGetValue(r.Topic, out var topic))
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, $"topic is one of: {string.Join(", ", Topics.Keys)}.");
        }

        return VisitRecord.Create(outcome, topic, r.KskName, r.Note);
    }
}

/// <summary>Steps the visitor aside without losing the turn.</summary>
public sealed class Park(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "park", key, version, async c =>
        {
            c.Ticket.Park(c.Now);
            await c.EndCallAsync(CallOutcome.Parked);
            c.TicketClosed(nameof(TicketState.Parked));
        }, ct);
}

/// <summary>Returns a parked visitor to the queue at the original arrival time.</summary>
public sealed class Unpark(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "unpark", key, version, async c =>
        {
            c.Ticket.Unpark();
            await c.QueueChangedAsync();
        }, ct);
}

/// <summary>A no-show who comes back within the rejoin window keeps the turn.</summary>
public sealed class Rejoin(TicketChange change) : ITicketAction
{
    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct) =>
        change.RunAsync(actor, id, "rejoin", key, version, async c =>
        {
            c.Ticket.Rejoin(c.Now, TimeSpan.FromMinutes(c.Service.RejoinWindowMinutes));
            await c.QueueChangedAsync();
        }, ct);
}

/// <summary>Sends the visitor to another service with a note; the original arrival time is kept.</summary>
public sealed class Transfer(TicketChange change, Audit.AuditTrail audit)
{
    public const int MaxNoteLength = 500;

    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, TransferTicketRequest request, CancellationToken ct) =>
        change.RunAsync(actor, id, "transfer", key, request.Version, async c =>
        {
            var target = await c.Db.Services.AsNoTracking().Include(s => s.Agency)
                .SingleOrDefaultAsync(s => s.Id == request.ToServiceId, c.Cancellation);
            if (target is null || target.RetiredAt is not null || target.Agency?.RetiredAt is not null)
            {
                throw ProblemException.NotFound(ProblemTypes.UnknownService, $"There is no service {request.ToServiceId}.");
            }

            var note = request.Note?.Trim();
            if (note?.Length > MaxNoteLength)
            {
                throw ProblemException.Invalid(ProblemTypes.ValidationFailed, $"A transfer note holds at most {MaxNoteLength} characters.");
            }

            string? deskNumber = null;
            if (request.ToDeskId is { } deskId)
            {
                deskNumber = await c.Db.Desks.Where(d => d.Id == deskId && d.RetiredAt == null && d.Services.Any(s => s.ServiceId == target.Id))
                    .Select(d => d.Number).SingleOrDefaultAsync(c.Cancellation)
                    ?? throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"Desk {deskId} does not serve that service.");
            }

            c.Ticket.TransferTo(target.Id, string.IsNullOrEmpty(note) ? null : note, request.ToDeskId);
            await c.EndCallAsync(CallOutcome.Transferred);
            // The note stays on the ticket: it may say things about the visitor that a log must not keep.
            await audit.RecordAsync("ticket.transfer", c.Ticket.DisplayNumber, $"service {c.Service.Id} → service {target.Id}{(deskNumber is null ? "" : $", desk {deskNumber}")}", c.Cancellation, actor);
            c.Publish(new TicketClosedEvent(0, c.Ticket.DisplayNumber, c.Service.Id, "Transferred", TicketView.Utc(c.Now)));
            await c.QueueChangedAsync(target);
        }, ct);
}
