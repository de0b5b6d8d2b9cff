using OpenAlmaty.FrontOffice.Domain.Calendar;

namespace OpenAlmaty.FrontOffice.Domain.Receptions;

/// <summary>
/// The legal deadline of a written appeal registered after a reception: 15 working days from
/// registration (Administrative Procedural Code, art. 76), extendable up to two months from
/// registration, the resident told of an extension within 3 working days of deciding it.
/// </summary>
public sealed record AppealDeadline(DateOnly RegisteredOn, DateOnly DueOn, DateOnly? ExtendedOn = null, DateOnly? TellResidentBy = null)
{
    public const int WorkingDays = 15;
    public const int ExtensionMonths = 2;
    public const int TellWithinWorkingDays = 3;

    public static AppealDeadline Register(DateOnly registeredOn, WorkingCalendar calendar) =>
        new(registeredOn, calendar.AddWorkingDays(registeredOn, WorkingDays));

    /// <summary>The longest a deadline may be extended to.</summary>
    public DateOnly Latest => RegisteredOn.AddMonths(ExtensionMonths);

    public AppealDeadline Extend(DateOnly decidedOn, DateOnly newDue, WorkingCalendar calendar)
    {
        if (newDue <= DueOn)
        {
            throw new DomainRuleException(DomainRule.InvalidCalendar, "An extension moves the deadline later.");
        }

        if (newDue > Latest)
        {
            throw new DomainRuleException(DomainRule.InvalidCalendar, $"A deadline can be extended to {Latest:yyyy-MM-dd} at the latest (two months).");
        }

        if (decidedOn > DueOn)
        {
            throw new DomainRuleException(DomainRule.InvalidCalendar, "An extension is decided before the deadline passes.");
        }

        return this with { DueOn = newDue, ExtendedOn = decidedOn, TellResidentBy = calendar.AddWorkingDays(decidedOn, TellWithinWorkingDays) };
    }

    /// <summary>Overdue after its due day; near due within the last <paramref name="warnWorkingDays"/> working days.</summary>
    public AppealStanding StandingOn(DateOnly today, WorkingCalendar calendar, int warnWorkingDays = 3) =>
        today > DueOn ? AppealStanding.Overdue
        : calendar.AddWorkingDays(today, warnWorkingDays) >= DueOn ? AppealStanding.NearDue
        : AppealStanding.OnTime;
}

public enum AppealStanding
{
    OnTime,
    NearDue,
    Overdue,
}
