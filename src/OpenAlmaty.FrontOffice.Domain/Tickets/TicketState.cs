namespace OpenAlmaty.FrontOffice.Domain.Tickets;

/// <summary>
/// Where a visitor's ticket stands. A transfer does not end a ticket: it goes back to
/// <see cref="Waiting"/> in the other service with its arrival time kept; the call it ends
/// is recorded as <see cref="CallOutcome.Transferred"/>.
/// </summary>
public enum TicketState
{
    Waiting,
    Called,
    Serving,
    Parked,
    Completed,
    NoShow,
    Cancelled,
}

/// <summary>How one call of a ticket to a desk ended.</summary>
public enum CallOutcome
{
    Completed,
    NoShow,
    Transferred,
    Parked,
}

/// <summary>Why a visitor may go ahead of arrival order. Staff check it at the desk.</summary>
public enum Priority
{
    None,
    Elderly,
    Disabled,
    Pregnant,
}

/// <summary>The ordering tier of a waiting ticket.</summary>
public enum TicketTier
{
    Regular,
    Priority,
    Reception,
}
