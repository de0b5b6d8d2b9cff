using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

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
