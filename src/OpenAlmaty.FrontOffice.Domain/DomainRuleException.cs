namespace OpenAlmaty.FrontOffice.Domain;

/// <summary>The rules a request can break inside the domain; the server maps each to a problem type.</summary>
public enum DomainRule
{
    TicketWrongState,
    RejoinWindowPassed,
    TransferToSameService,
    InvalidHours,
    InvalidPrefix,
    InvalidVisitRecord,
    InvalidIin,
    InvalidCalendar,
    InvalidSession,
    SessionUnavailable,
    SlotTaken,
    BookingLimit,
    BookingWrongState,
    RescheduleDoesNotFit,
}

/// <summary>A request that the domain refuses. Nothing has changed when it is thrown.</summary>
public sealed class DomainRuleException(DomainRule rule, string message) : Exception(message)
{
    public DomainRule Rule { get; } = rule;
}
