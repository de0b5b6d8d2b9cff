using OpenAlmaty.FrontOffice.Domain.Calendar;

namespace OpenAlmaty.FrontOffice.Domain.Receptions;

/// <summary>
/// A matter from a personal reception that became a written appeal: registered with its legal
/// deadline (<see cref="AppealDeadline"/>), possibly extended once decided, closed when answered.
/// </summary>
public sealed class Appeal
{
    public Guid Id { get; init; }
    public Guid TicketId { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string Subject { get; init; }
    public DateOnly RegisteredOn { get; init; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? ExtendedOn { get; private set; }
    public DateOnly? TellResidentBy { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public AppealDeadline Deadline => new(RegisteredOn, DueOn, ExtendedOn, TellResidentBy);

    public static Appeal Register(Guid id, Guid ticketId, string registrationNumber, string subject, DateOnly registeredOn, WorkingCalendar calendar)
    {
        var number = registrationNumber?.Trim() ?? "";
        var text = subject?.Trim() ?? "";
        if (number.Length is < 1 or > 50 || text.Length is < 1 or > 300)
        {
            throw new DomainRuleException(DomainRule.InvalidSession, "An appeal has a registration number (≤ 50) and a subject (≤ 300).");
        }

        return new Appeal
        {
            Id = id, TicketId = ticketId, RegistrationNumber = number, Subject = text, RegisteredOn = registeredOn,
            DueOn = AppealDeadline.Register(registeredOn, calendar).DueOn,
        };
    }

    public void Extend(DateOnly decidedOn, DateOnly newDue, WorkingCalendar calendar)
    {
        if (ClosedOn is not null)
        {
            throw new DomainRuleException(DomainRule.InvalidCalendar, "A closed appeal is not extended.");
        }

        var extended = Deadline.Extend(decidedOn, newDue, calendar);
        (DueOn, ExtendedOn, TellResidentBy) = (extended.DueOn, extended.ExtendedOn, extended.TellResidentBy);
    }

    public void Close(DateOnly on) => ClosedOn ??= on;

    public AppealStanding StandingOn(DateOnly today, WorkingCalendar calendar) =>
        ClosedOn is not null ? AppealStanding.OnTime : Deadline.StandingOn(today, calendar);
}
