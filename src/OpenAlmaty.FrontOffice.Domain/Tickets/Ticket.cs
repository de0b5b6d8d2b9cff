using OpenAlmaty.FrontOffice.Domain.Queue;

namespace OpenAlmaty.FrontOffice.Domain.Tickets;

/// <summary>
/// A visitor's place in a queue, from the tap at the kiosk to the end of the visit.
/// Instants are UTC <see cref="DateTime"/> so that the database can order and compare them.
/// Every change bumps <see cref="Version"/>, which the database uses as a concurrency token:
/// of two desks that change one ticket at once, exactly one wins.
/// </summary>
public sealed class Ticket
{
    public Guid Id { get; init; }

    /// <summary>Unguessable id for the public status page (the QR on the ticket).</summary>
    public required string PublicId { get; init; }

    public int ServiceId { get; private set; }

    /// <summary>The service the ticket was taken for; <see cref="ServiceId"/> follows transfers.</summary>
    public int IssuedServiceId { get; init; }
    public required string Prefix { get; init; }
    public int Number { get; init; }

    /// <summary>The local (Asia/Almaty) date the number belongs to; numbers restart each day.</summary>
    public DateOnly ServiceDay { get; init; }

    public required string Language { get; init; }
    public Priority Priority { get; init; }
    public DateTime IssuedAt { get; init; }

    /// <summary>Arrival in the queue; kept across transfers and rejoins so nobody loses their turn.</summary>
    public DateTime ArrivedAt { get; init; }

    /// <summary>A booked reception slot; such tickets are called at their slot time.</summary>
    public DateTime? AppointmentAt { get; init; }

    public TicketState State { get; private set; } = TicketState.Waiting;
    public int? DeskId { get; private set; }
    public int? ParkedByDeskId { get; private set; }
    public DateTime? CalledAt { get; private set; }
    public DateTime? ServingStartedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int RecallCount { get; private set; }
    public int TransferCount { get; private set; }

    /// <summary>After a transfer "to desk N": only that desk calls the ticket in turn while it is open.</summary>
    public int? ReservedDeskId { get; private set; }
    public string? TransferNote { get; private set; }

    public int PeopleAheadAtIssue { get; init; }

    /// <summary>The wait range promised at issue, kept to measure later how often it held.</summary>
    public int PromisedWaitFromMinutes { get; init; }
    public int PromisedWaitToMinutes { get; init; }

    /// <summary>What the promise rested on: a range, a slot time, or no number because no desk served.</summary>
    public WaitBasis PromisedWaitBasis { get; init; }

    public bool IsTraining { get; init; }

    /// <summary>The kiosk that issued the ticket (its printer prints and reprints it).</summary>
    public Guid? IssuedByDeviceId { get; init; }

    public int Version { get; private set; }

    /// <summary>What the officer recorded at completion (null when nothing was).</summary>
    public VisitOutcome? Outcome { get; private set; }

    public VisitTopic? Topic { get; private set; }

    /// <summary>The KSK named in a housing visit, as written.</summary>
    public string? KskName { get; private set; }

    public string? OutcomeNote { get; private set; }

    public string DisplayNumber => TicketNumber.Format(Prefix, Number);

    /// <summary>The ordering tier, fixed at issue and stored so the queue heads are index seeks.</summary>
    public TicketTier Tier { get; init; }

    public static Ticket Issue(
        Guid id, string publicId, int serviceId, string prefix, int number, DateOnly serviceDay,
        string language, Priority priority, DateTime nowUtc, int peopleAhead, WaitRange promised,
        bool isTraining, DateTime? appointmentAtUtc = null, Guid? issuedByDeviceId = null) => new()
    {
        Id = id,
        PublicId = publicId,
        ServiceId = serviceId,
        IssuedServiceId = serviceId,
        Prefix = prefix,
        Number = number,
        ServiceDay = serviceDay,
        Language = language,
        Priority = priority,
        IssuedAt = nowUtc,
        ArrivedAt = nowUtc,
        AppointmentAt = appointmentAtUtc,
        Tier = appointmentAtUtc is not null
            ? TicketTier.Reception
            : priority == Priority.None ? TicketTier.Regular : TicketTier.Priority,
        PeopleAheadAtIssue = peopleAhead,
        PromisedWaitFromMinutes = promised.FromMinutes,
        PromisedWaitToMinutes = promised.ToMinutes,
        PromisedWaitBasis = promised.Basis,
        IsTraining = isTraining,
        IssuedByDeviceId = issuedByDeviceId,
    };

    public void Call(int deskId, DateTime nowUtc)
    {
        Require(TicketState.Waiting);
        State = TicketState.Called;
        DeskId = deskId;
        ReservedDeskId = null;
        CalledAt = nowUtc;
        ServingStartedAt = null;
        RecallCount = 0;
        Version++;
    }

    public void StartServing(DateTime nowUtc)
    {
        Require(TicketState.Called);
        State = TicketState.Serving;
        ServingStartedAt = nowUtc;
        Version++;
    }

    /// <summary>
    /// Calls the visitor again. Past <paramref name="recallLimit"/> recalls the visitor is taken
    /// as not having come: the ticket becomes <see cref="TicketState.NoShow"/>.
    /// </summary>
    public void Recall(DateTime nowUtc, int recallLimit)
    {
        Require(TicketState.Called);
        if (RecallCount >= recallLimit)
        {
            Close(TicketState.NoShow, nowUtc);
            return;
        }

        RecallCount++;
        Version++;
    }

    public void MarkNoShow(DateTime nowUtc)
    {
        Require(TicketState.Called);
        Close(TicketState.NoShow, nowUtc);
    }

    public void Complete(DateTime nowUtc, VisitRecord? record = null)
    {
        Require(TicketState.Called, TicketState.Serving);
        ServingStartedAt ??= CalledAt;
        Outcome = record?.Outcome;
        Topic = record?.Topic;
        KskName = record?.KskName;
        OutcomeNote = record?.Note;
        Close(TicketState.Completed, nowUtc);
    }

    /// <summary>Steps the visitor aside (e.g. to fetch a document) without losing the turn.</summary>
    public void Park(DateTime nowUtc)
    {
        Require(TicketState.Called, TicketState.Serving);
        State = TicketState.Parked;
        ParkedByDeskId = DeskId;
        DeskId = null;
        ClosedAt = nowUtc;
        Version++;
    }

    public void Unpark()
    {
        Require(TicketState.Parked);
        BackToWaiting();
    }

    /// <summary>The visitor's 1–5 rating after the visit, once per ticket, with an optional plain-text comment.</summary>
    public int? Rating { get; private set; }

    public string? RatingComment { get; private set; }

    public DateTime? RatedAt { get; private set; }

    public const int MaxCommentLength = 1000;

    public void Rate(int stars, string? comment, DateTime nowUtc)
    {
        if (State != TicketState.Completed)
        {
            throw new DomainRuleException(DomainRule.TicketWrongState, "A visit is rated after it is completed.");
        }

        if (Rating is not null)
        {
            throw new DomainRuleException(DomainRule.TicketWrongState, "This visit has been rated already.");
        }

        if (stars is < 1 or > 5 || comment?.Length > MaxCommentLength)
        {
            throw new DomainRuleException(DomainRule.InvalidVisitRecord, $"A rating is 1 to 5 stars with at most {MaxCommentLength} characters of comment.");
        }

        (Rating, RatingComment, RatedAt) = (stars, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), nowUtc);
        Version++;
    }

    /// <summary>Sends the visitor to another service; the original arrival time is kept.</summary>
    public void TransferTo(int serviceId, string? note, int? deskId = null)
    {
        Require(TicketState.Called, TicketState.Serving);
        if (serviceId == ServiceId)
        {
            throw new DomainRuleException(DomainRule.TransferToSameService,
                "A ticket is transferred to another service, not to its own.");
        }

        ServiceId = serviceId;
        ReservedDeskId = deskId;
        TransferNote = note;
        TransferCount++;
        BackToWaiting();
    }

    /// <summary>A visitor marked as no-show may come back within the window and keep the turn.</summary>
    public void Rejoin(DateTime nowUtc, TimeSpan window)
    {
        Require(TicketState.NoShow);
        if (ClosedAt is null || nowUtc - ClosedAt.Value > window)
        {
            throw new DomainRuleException(DomainRule.RejoinWindowPassed,
                $"The rejoin window of {window.TotalMinutes:0} minutes has passed.");
        }

        BackToWaiting();
    }

    public void Cancel(DateTime nowUtc)
    {
        Require(TicketState.Waiting, TicketState.Parked);
        Close(TicketState.Cancelled, nowUtc);
    }

    private void BackToWaiting()
    {
        State = TicketState.Waiting;
        DeskId = null;
        CalledAt = null;
        ServingStartedAt = null;
        ClosedAt = null;
        RecallCount = 0;
        Version++;
    }

    private void Close(TicketState state, DateTime nowUtc)
    {
        State = state;
        ClosedAt = nowUtc;
        Version++;
    }

    private void Require(params ReadOnlySpan<TicketState> allowed)
    {
        foreach (var state in allowed)
        {
            if (State == state)
            {
                return;
            }
        }

        throw new DomainRuleException(DomainRule.TicketWrongState,
            $"The ticket is {State}; this action needs it to be {string.Join(" or ", allowed.ToArray())}.");
    }
}
