namespace OpenAlmaty.FrontOffice.Domain.Receptions;

/// <summary>What a resident asks for; the IIN is already checked and hashed by then.</summary>
public sealed record BookingRequest(string IinHash, string IinLastFour, string FullName, string Phone, string Topic, string Text, TimeOnly Slot);

/// <summary>Where one booking goes in a rescheduling: a session and slot, or the waiting list of that session.</summary>
public sealed record MovePlan(Guid BookingId, Guid ToSessionId, TimeOnly? ToSlot);

/// <summary>
/// An offer that ran out: the booking it lapsed for, the place it held, and the waiting resident
/// the place went to next (none when nobody waits or the session has begun).
/// </summary>
public sealed record OfferLapse(Booking Lapsed, TimeOnly Slot, DateTime ExpiredAt, Booking? PassedTo);

/// <summary>
/// The rules of a deputy akim's sessions over their bookings, pure: booking into a slot or onto
/// the waiting list, the one-per-week limit, promotion of the first waiting resident when a place
/// frees, and the bulk move of a whole session that keeps everyone's order.
/// </summary>
public static class ReceptionBook
{
    /// <summary>How long a resident offered a freed place has to confirm (never past the session's start).</summary>
    public static readonly TimeSpan OfferWindow = TimeSpan.FromHours(24);

    /// <param name="bookings">The session's bookings (any state).</param>
    /// <param name="sameDeputySameWeek">Open bookings of this IIN with this deputy akim in this session's week.</param>
    public static Booking Book(ReceptionSession session, IReadOnlyCollection<Booking> bookings, int sameDeputySameWeek,
        BookingRequest request, Guid id, string code, long sequence, DateTime nowUtc)
    {
        RequireOpen(session, nowUtc);
        if (sameDeputySameWeek > 0)
        {
            throw new DomainRuleException(DomainRule.BookingLimit, "One booking per resident per deputy akim per week.");
        }

        if (!session.Slots().Contains(request.Slot))
        {
            throw new DomainRuleException(DomainRule.SlotTaken, "There is no such slot in this session.");
        }

        var free = FreePlaces(session, bookings);
        TimeOnly? slot = null;
        if (free.Values.Sum() > 0)
        {
            if (free[request.Slot] == 0)
            {
                throw new DomainRuleException(DomainRule.SlotTaken, "That time has just been taken; please choose another.");
            }

            slot = request.Slot;
        }

        return Booking.Create(id, code, session.Id, slot, request.IinHash, request.IinLastFour, request.FullName.Trim(),
            request.Phone.Trim(), request.Topic, request.Text.Trim(), sequence, nowUtc);
    }

    /// <summary>How long a word-for-word repeat of a booking counts as the same request rather than a second booking.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The open booking this request repeats word for word, made minutes ago: the kiosk's screen was
    /// lost between the commit and the code (a dropped connection, a reload), and the resident types
    /// it all again. They get that booking back instead of the one-per-week refusal; anything that
    /// differs (the slot aside, which may have filled since) is a new request.
    /// </summary>
    public static Booking? Repeated(IEnumerable<Booking> sessionBookings, BookingRequest request, DateTime nowUtc) =>
        sessionBookings.Where(b => b.IsOpen && b.IinHash == request.IinHash && nowUtc - b.CreatedAt <= RepeatWindow
                && b.FullName == request.FullName.Trim() && b.Phone == request.Phone.Trim()
                && b.Topic == request.Topic && b.Text == request.Text.Trim())
            .OrderByDescending(b => b.CreatedAt).FirstOrDefault();

    /// <summary>The booking's place on its session's waiting list, counting from 1; null when it is not waiting.</summary>
    public static int? PlaceOnWaitingList(Guid sessionId, IEnumerable<Booking> bookings, Booking booking) =>
        booking.State == BookingState.Waiting
            ? WaitingList(sessionId, bookings).Select((b, i) => (b.Id, i)).Single(x => x.Id == booking.Id).i + 1
            : null;

    /// <summary>Places left per slot.</summary>
    public static Dictionary<TimeOnly, int> FreePlaces(ReceptionSession session, IEnumerable<Booking> bookings)
    {
        var taken = bookings.Where(b => b.SessionId == session.Id && b.HoldsPlace && b.SlotStart is not null)
            .GroupBy(b => b.SlotStart!.Value).ToDictionary(g => g.Key, g => g.Count());
        return session.Slots().ToDictionary(s => s, s => Math.Max(0, session.PlacesPerSlot - taken.GetValueOrDefault(s)));
    }

    /// <summary>The waiting list in order.</summary>
    public static IReadOnlyList<Booking> WaitingList(Guid sessionId, IEnumerable<Booking> bookings) =>
        bookings.Where(b => b.SessionId == sessionId && b.State == BookingState.Waiting).OrderBy(b => b.Sequence).ToList();

    /// <summary>Cancels a booking and, when it held a place, offers the place to the first waiting resident.</summary>
    /// <returns>The booking offered the place, if any.</returns>
    public static Booking? Cancel(ReceptionSession session, IReadOnlyCollection<Booking> bookings, Booking booking, string reason, DateTime nowUtc)
    {
        var freed = booking.HoldsPlace ? booking.SlotStart : null;
        booking.Cancel(reason);
        return freed is { } slot ? OfferFreedPlace(session, bookings, slot, nowUtc) : null;
    }

    /// <summary>
    /// Moves one booking (staff, with a reason) to a free place of another session or another time
    /// of its own; the place it held goes to the first waiting. The weekly limit still holds.
    /// </summary>
    /// <param name="sameDeputySameWeek">Other open bookings of this IIN with the target's deputy akim in the target's week.</param>
    public static Booking? Move(ReceptionSession from, IReadOnlyCollection<Booking> fromBookings, Booking booking,
        ReceptionSession to, IReadOnlyCollection<Booking> toBookings, TimeOnly slot, int sameDeputySameWeek, DateTime nowUtc)
    {
        RequireOpen(to, nowUtc);
        if (!booking.IsOpen)
        {
            throw new DomainRuleException(DomainRule.BookingWrongState, $"A {booking.State} booking cannot be moved.");
        }

        if (sameDeputySameWeek > 0)
        {
            throw new DomainRuleException(DomainRule.BookingLimit, "The resident already has a booking with that deputy akim that week.");
        }

        if (!to.Slots().Contains(slot) || FreePlaces(to, toBookings.Where(b => b.Id != booking.Id))[slot] == 0)
        {
            throw new DomainRuleException(DomainRule.SlotTaken, "That time has no free place.");
        }

        var freed = booking.HoldsPlace ? booking.SlotStart : null;
        booking.PlaceAt(to.Id, slot);
        return freed is { } old && (from.Id != to.Id || old != slot) ? OfferFreedPlace(from, fromBookings, old, nowUtc) : null;
    }

    /// <summary>
    /// Offers that ran out lapse, and each place goes to the next in line with a fresh window: a
    /// resident who never answered must not hold a place that someone waiting could take. The
    /// place freed first is passed on first, so the head of the waiting list gets the earlier one.
    /// </summary>
    public static IReadOnlyList<OfferLapse> ExpireOffers(ReceptionSession session, IReadOnlyCollection<Booking> bookings, DateTime nowUtc)
    {
        var lapses = new List<OfferLapse>();
        foreach (var lapsed in bookings.Where(b => b.SessionId == session.Id && b.OfferRanOut(nowUtc))
                     .OrderBy(b => b.OfferExpiresAt).ThenBy(b => b.SlotStart).ThenBy(b => b.Sequence).ToList())
        {
            var (slot, expired) = (lapsed.SlotStart!.Value, lapsed.OfferExpiresAt!.Value);
            lapsed.Lapse();
            lapses.Add(new OfferLapse(lapsed, slot, expired, OfferFreedPlace(session, bookings, slot, nowUtc)));
        }

        return lapses;
    }

    private static Booking? OfferFreedPlace(ReceptionSession session, IReadOnlyCollection<Booking> bookings, TimeOnly slot, DateTime nowUtc)
    {
        if (session.IsCancelled || session.StartsAtUtc <= nowUtc || WaitingList(session.Id, bookings) is not [var first, ..])
        {
            return null;
        }

        var expires = nowUtc + OfferWindow < session.StartsAtUtc ? nowUtc + OfferWindow : session.StartsAtUtc;
        first.Offer(slot, expires);
        return first;
    }

    /// <summary>
    /// Where every open booking of <paramref name="from"/> goes when the session moves: in their
    /// order (slot, then booking order; the waiting list after), into the free places of
    /// <paramref name="targets"/> taken in date and time order; those who do not fit wait on the
    /// last target's list. A cancelled, past or full-to-nobody target is refused.
    /// </summary>
    public static IReadOnlyList<MovePlan> PlanReschedule(ReceptionSession from, IReadOnlyCollection<Booking> fromBookings,
        IReadOnlyList<(ReceptionSession Session, IReadOnlyCollection<Booking> Bookings)> targets, DateTime nowUtc)
    {
        if (targets.Count == 0)
        {
            throw new DomainRuleException(DomainRule.RescheduleDoesNotFit, "Choose the date or the sessions to move to.");
        }

        foreach (var (session, _) in targets)
        {
            RequireOpen(session, nowUtc);
            if (session.Id == from.Id)
            {
                throw new DomainRuleException(DomainRule.RescheduleDoesNotFit, "A session cannot move onto itself.");
            }
        }

        var moving = fromBookings.Where(b => b.SessionId == from.Id && b.IsOpen)
            .OrderBy(b => b.State == BookingState.Waiting ? 1 : 0).ThenBy(b => b.SlotStart).ThenBy(b => b.Sequence).ToList();
        var places = targets.OrderBy(t => t.Session.Date).ThenBy(t => t.Session.Start)
            .SelectMany(t => FreePlaces(t.Session, t.Bookings).OrderBy(p => p.Key)
                .SelectMany(p => Enumerable.Repeat((t.Session.Id, Slot: (TimeOnly?)p.Key), p.Value)))
            .ToList();
        if (places.Count == 0 && moving.Count > 0)
        {
            throw new DomainRuleException(DomainRule.RescheduleDoesNotFit, "The chosen sessions are full.");
        }

        // In order, each takes the next free place; a resident keeps their own time on the first
        // target when it is still ahead and taking it leaves enough places for everyone after them.
        var last = targets.OrderBy(t => t.Session.Date).ThenBy(t => t.Session.Start).Last().Session.Id;
        var first = targets.OrderBy(t => t.Session.Date).ThenBy(t => t.Session.Start).First().Session.Id;
        var plan = new List<MovePlan>(moving.Count);
        var cursor = 0;
        for (var i = 0; i < moving.Count; i++)
        {
            if (cursor >= places.Count)
            {
                plan.Add(new MovePlan(moving[i].Id, last, null));
                continue;
            }

            var own = moving[i].SlotStart is { } slot ? places.FindIndex(cursor, p => p.Id == first && p.Slot == slot) : -1;
            var remainingAfter = moving.Count - i - 1;
            var take = own >= 0 && places.Count - own - 1 >= remainingAfter ? own : cursor;
            plan.Add(new MovePlan(moving[i].Id, places[take].Id, places[take].Slot));
            cursor = take + 1;
        }

        return plan;
    }

    /// <summary>Carries out a plan made by <see cref="PlanReschedule"/>; the old session is cancelled.</summary>
    public static void Apply(ReceptionSession from, IReadOnlyCollection<Booking> bookings, IReadOnlyList<MovePlan> plan, DateTime nowUtc)
    {
        var byId = bookings.ToDictionary(b => b.Id);
        foreach (var move in plan)
        {
            byId[move.BookingId].MoveTo(move.ToSessionId, move.ToSlot);
        }

        from.Cancel(nowUtc);
    }

    private static void RequireOpen(ReceptionSession session, DateTime nowUtc)
    {
        if (session.IsCancelled)
        {
            throw new DomainRuleException(DomainRule.SessionUnavailable, $"The session of {session.Date:yyyy-MM-dd} is cancelled.");
        }

        if (session.StartsAtUtc <= nowUtc)
        {
            throw new DomainRuleException(DomainRule.SessionUnavailable, $"The session of {session.Date:yyyy-MM-dd} has already started or passed.");
        }
    }
}
