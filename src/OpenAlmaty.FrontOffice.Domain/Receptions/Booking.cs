namespace OpenAlmaty.FrontOffice.Domain.Receptions;

public enum BookingState
{
    /// <summary>Has a slot.</summary>
    Active,

    /// <summary>On the session's waiting list, no slot yet.</summary>
    Waiting,

    /// <summary>Offered a freed slot; must confirm before the offer expires.</summary>
    Offered,

    CheckedIn,
    Cancelled,
    NoShow,
    Completed,
}

/// <summary>
/// A resident's place at a personal reception. The IIN is kept only as a keyed hash (for the
/// one-per-week rule and no-show counts) and its last four digits (for staff on the phone).
/// <see cref="Sequence"/> is the order of booking: the waiting list and a rescheduling keep it.
/// </summary>
public sealed class Booking
{
    public Guid Id { get; init; }

    /// <summary>What the resident is given (screen, slip, status page); unguessable, no personal data.</summary>
    public required string Code { get; init; }

    public Guid SessionId { get; private set; }
    public TimeOnly? SlotStart { get; private set; }
    public required string IinHash { get; set; }
    public required string IinLastFour { get; set; }
    public required string FullName { get; set; }
    public required string Phone { get; set; }
    public required string Topic { get; init; }
    public required string Text { get; set; }

    public DateTime? ErasedAt { get; private set; }
    public BookingState State { get; private set; }
    public long Sequence { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? OfferExpiresAt { get; private set; }
    public string? CancelReason { get; private set; }

    /// <summary>Bumped by every change, so that a notification made for an older version is never sent.</summary>
    public int Version { get; private set; }

    public bool HoldsPlace => State is BookingState.Active or BookingState.Offered or BookingState.CheckedIn;

    public bool IsOpen => State is BookingState.Active or BookingState.Waiting or BookingState.Offered;

    internal static Booking Create(Guid id, string code, Guid sessionId, TimeOnly? slot, string iinHash, string lastFour,
        string fullName, string phone, string topic, string text, long sequence, DateTime nowUtc) => new()
    {
        Id = id, Code = code, SessionId = sessionId, SlotStart = slot, IinHash = iinHash, IinLastFour = lastFour,
        FullName = fullName, Phone = phone, Topic = topic, Text = text, Sequence = sequence, CreatedAt = nowUtc,
        State = slot is null ? BookingState.Waiting : BookingState.Active,
    };

    internal void Offer(TimeOnly slot, DateTime expiresAtUtc)
    {
        Require(BookingState.Waiting);
        (SlotStart, State, OfferExpiresAt) = (slot, BookingState.Offered, expiresAtUtc);
        Version++;
    }

    /// <summary>
    /// The resident offered a freed place let the confirm window pass: from then on they cannot take
    /// it, and the place is the next waiting resident's. Up to and at the expiry instant it is theirs.
    /// </summary>
    public bool OfferRanOut(DateTime nowUtc) => State == BookingState.Offered && OfferExpiresAt < nowUtc;

    public void Confirm(DateTime nowUtc)
    {
        Require(BookingState.Offered);
        if (OfferRanOut(nowUtc))
        {
            throw new DomainRuleException(DomainRule.BookingWrongState, "The offer has expired; the place went to the next on the list.");
        }

        (State, OfferExpiresAt) = (BookingState.Active, null);
        Version++;
    }

    /// <summary>An offer not confirmed in time lapses: the resident leaves the list and the place goes to the next.</summary>
    internal void Lapse()
    {
        Require(BookingState.Offered);
        (State, SlotStart, OfferExpiresAt, CancelReason) = (BookingState.Cancelled, null, null, "offer-expired");
        Version++;
    }

    internal void Cancel(string reason)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException(DomainRule.BookingWrongState, $"A {State} booking cannot be cancelled.");
        }

        (State, SlotStart, OfferExpiresAt, CancelReason) = (BookingState.Cancelled, null, null, reason);
        Version++;
    }

    /// <summary>Staff put the resident on a definite place: booked, whatever the list or offer was.</summary>
    internal void PlaceAt(Guid sessionId, TimeOnly slot)
    {
        (SessionId, SlotStart, State, OfferExpiresAt) = (sessionId, slot, BookingState.Active, null);
        Version++;
    }

    internal void MoveTo(Guid sessionId, TimeOnly? slot)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException(DomainRule.BookingWrongState, $"A {State} booking cannot be moved.");
        }

        (SessionId, SlotStart) = (sessionId, slot);
        State = slot is null ? BookingState.Waiting : State == BookingState.Offered ? BookingState.Offered : BookingState.Active;
        Version++;
    }

    /// <summary>The retention period is over: the personal data goes, the anonymous booking (state, topic, times) stays for reports.</summary>
    public void Erase(DateTime nowUtc)
    {
        if (ErasedAt is not null || IsOpen)
        {
            return;
        }

        (IinHash, IinLastFour, FullName, Phone, Text, ErasedAt) = ("", "", "", "", "", nowUtc);
    }

    /// <summary>The ticket the resident got on arrival: the meeting's outcome is recorded on it by the officer.</summary>
    public Guid? TicketId { get; private set; }

    public void CheckIn(Guid ticketId)
    {
        Require(BookingState.Active);
        (State, TicketId) = (BookingState.CheckedIn, ticketId);
        Version++;
    }

    public void MarkNoShow()
    {
        Require(BookingState.Active);
        State = BookingState.NoShow;
        Version++;
    }

    private void Require(BookingState state)
    {
        if (State != state)
        {
            throw new DomainRuleException(DomainRule.BookingWrongState, $"The booking is {State}, not {state}.");
        }
    }
}
