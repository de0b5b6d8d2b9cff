namespace OpenAlmaty.FrontOffice.Domain.Tickets;

/// <summary>The big topics residents come with; the reports count them (and name KSKs under housing).</summary>
public enum VisitTopic
{
    Energy,
    Housing,
    Transport,
    Landscaping,
    Other,
}

/// <summary>How a visit ended, as the officer records it.</summary>
public enum VisitOutcome
{
    Resolved,
    Consulted,
    AppealRegistered,
    Redirected,
    Other,
}

/// <summary>
/// What the officer records when a visit is completed. A KSK (housing co-operative) is named only
/// under the housing topic: "more than 10 complaints about one KSK" is a signal the office sends
/// on, so the name is kept as written, trimmed. The note is plain text.
/// </summary>
public sealed record VisitRecord(VisitOutcome Outcome, VisitTopic Topic, string? KskName, string? Note)
{
    public const int MaxKskName = 200;
    public const int MaxNote = 1000;

    public static VisitRecord Create(VisitOutcome outcome, VisitTopic topic, string? kskName, string? note)
    {
        var ksk = Clean(kskName);
        var text = Clean(note);
        if (ksk is not null && topic != VisitTopic.Housing)
        {
            throw new DomainRuleException(DomainRule.InvalidVisitRecord, "A KSK is named only for the housing topic.");
        }

        if (ksk?.Length > MaxKskName)
        {
            throw new DomainRuleException(DomainRule.InvalidVisitRecord, $"A KSK name holds at most {MaxKskName} characters.");
        }

        if (text?.Length > MaxNote)
        {
            throw new DomainRuleException(DomainRule.InvalidVisitRecord, $"A note holds at most {MaxNote} characters.");
        }

        if (!Enum.IsDefined(outcome) || !Enum.IsDefined(topic))
        {
            throw new DomainRuleException(DomainRule.InvalidVisitRecord, "Unknown outcome or topic.");
        }

        return new VisitRecord(outcome, topic, ksk, text);
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
