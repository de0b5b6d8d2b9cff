using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Receptions;

namespace OpenAlmaty.FrontOffice.Domain.Tests;

/// <summary>Booking rules on a fixed clock: Monday 30 November 2026, 10:00 in Almaty.</summary>
public class ReceptionBookTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 5, 0, 0, DateTimeKind.Utc);
    private static readonly TimeOnly Ten = new(10, 0);
    private long _sequence;

    /// <summary>Thursday 3 December, 10:00–11:00, 20-minute slots.</summary>
    private static ReceptionSession Session(int places = 1, int day = 3, int startHour = 10, int endHour = 11) =>
        ReceptionSession.Plan(Guid.NewGuid(), "Деп. әкім Ахметов", 27, new(2026, 12, day), new(startHour, 0), new(endHour, 0), 20, places, 21);

    private Booking Book(ReceptionSession session, List<Booking> all, TimeOnly slot, string iin = "h", DateTime? now = null)
    {
        var booking = ReceptionBook.Book(session, all, all.Count(b => b.IinHash == iin && b.IsOpen && iin != "h"),
            new BookingRequest(iin == "h" ? "h" + _sequence : iin, "4588", "Айгүл Серікова", "+7 701 000 00 00", "housing", "Су жоқ", slot),
            Guid.NewGuid(), "C" + _sequence, ++_sequence, now ?? Now);
        all.Add(booking);
        return booking;
    }

    [Fact]
    public void A_session_is_cut_into_whole_slots()
    {
        var session = ReceptionSession.Plan(Guid.NewGuid(), "X", null, new(2026, 12, 3), new(10, 0), new(10, 50), 20, 3, null);
        Assert.Equal([new TimeOnly(10, 0), new TimeOnly(10, 20)], session.Slots());
        Assert.Equal(6, session.Capacity);
        Assert.Throws<DomainRuleException>(() => ReceptionSession.Plan(Guid.NewGuid(), "X", null, new(2026, 12, 3), new(10, 0), new(10, 10), 20, 3, null));
        Assert.Throws<DomainRuleException>(() => ReceptionSession.Plan(Guid.NewGuid(), " ", null, new(2026, 12, 3), new(10, 0), new(11, 0), 20, 3, null));
        Assert.Throws<DomainRuleException>(() => ReceptionSession.Plan(Guid.NewGuid(), "X", null, new(2026, 12, 3), new(10, 0), new(11, 0), 20, 0, null));
    }

    [Fact]
    public void A_taken_slot_is_refused_while_others_are_free_and_a_full_session_puts_the_resident_on_the_waiting_list()
    {
        var session = Session();
        var all = new List<Booking>();
        Assert.Equal(BookingState.Active, Book(session, all, Ten).State);
        var refused = Assert.Throws<DomainRuleException>(() => Book(session, all, Ten));
        Assert.Equal(DomainRule.SlotTaken, refused.Rule);
        Book(session, all, new(10, 20));
        Book(session, all, new(10, 40));

        var waiting = Book(session, all, Ten);
        Assert.Equal((BookingState.Waiting, (TimeOnly?)null), (waiting.State, waiting.SlotStart));
        Assert.Equal([waiting.Id], ReceptionBook.WaitingList(session.Id, all).Select(b => b.Id));
        Assert.Equal(DomainRule.SlotTaken, Assert.Throws<DomainRuleException>(() => Book(session, all, new(11, 0))).Rule);
    }

    [Fact]
    public void One_open_booking_per_resident_per_deputy_per_week_and_none_for_a_past_or_cancelled_session()
    {
        var session = Session(places: 2);
        var all = new List<Booking>();
        Book(session, all, Ten, iin: "same-iin");
        Assert.Equal(DomainRule.BookingLimit, Assert.Throws<DomainRuleException>(() => Book(session, all, new(10, 20), iin: "same-iin")).Rule);

        var monday = ReceptionSession.Plan(Guid.NewGuid(), "X", null, new(2026, 11, 30), new(9, 0), new(10, 0), 20, 1, null);
        Assert.Equal(DomainRule.SessionUnavailable, Assert.Throws<DomainRuleException>(() => Book(monday, all, new(9, 0))).Rule);
        session.Cancel(Now);
        Assert.Equal(DomainRule.SessionUnavailable, Assert.Throws<DomainRuleException>(() => Book(session, all, new(10, 40))).Rule);
    }

    [Fact]
    public void The_same_request_typed_again_within_minutes_is_the_same_booking_not_a_second_one()
    {
        var session = Session(places: 1);
        var all = new List<Booking>();
        var first = Book(session, all, Ten, iin: "same-iin");
        Book(session, all, new(10, 20), iin: "other-iin");
        var again = new BookingRequest("same-iin", "4588", " Айгүл Серікова ", "+7 701 000 00 00", "housing", "Су жоқ", new(10, 40));

        Assert.Same(first, ReceptionBook.Repeated(all, again, Now.AddMinutes(14)));
        Assert.Null(ReceptionBook.Repeated(all, again, Now.AddMinutes(16)));
        Assert.Null(ReceptionBook.Repeated(all, again with { Text = "Жарық жоқ" }, Now.AddMinutes(1)));
        Assert.Null(ReceptionBook.Repeated(all, again with { Phone = "+7 701 000 00 01" }, Now.AddMinutes(1)));
        Assert.Null(ReceptionBook.Repeated(all, again with { IinHash = "other" }, Now.AddMinutes(1)));

        // Cancelled in between: typing it again is a new booking, not the cancelled one back.
        ReceptionBook.Cancel(session, all, first, "resident", Now.AddMinutes(2));
        Assert.Null(ReceptionBook.Repeated(all, again, Now.AddMinutes(3)));
    }

    [Fact]
    public void A_cancelled_place_is_offered_to_the_first_waiting_who_confirms_in_time_or_lets_it_pass_to_the_next()
    {
        var session = Session();
        var all = new List<Booking>();
        var booked = Book(session, all, Ten);
        Book(session, all, new(10, 20));
        Book(session, all, new(10, 40));
        var first = Book(session, all, Ten);
        var second = Book(session, all, Ten);

        var offered = ReceptionBook.Cancel(session, all, booked, "resident-called", Now);
        Assert.Same(first, offered);
        Assert.Equal((BookingState.Offered, (TimeOnly?)Ten, Now.AddHours(24)), (first.State, first.SlotStart, first.OfferExpiresAt));
        Assert.Equal(BookingState.Waiting, second.State);
        Assert.Equal(0, ReceptionBook.FreePlaces(session, all)[Ten]);

        // The first does not confirm within a day: the place goes to the second.
        var later = Now.AddHours(25);
        Assert.Equal([(first, Ten, Now.AddHours(24), second)],
            ReceptionBook.ExpireOffers(session, all, later).Select(l => (l.Lapsed, l.Slot, l.ExpiredAt, l.PassedTo!)));
        Assert.Equal(BookingState.Cancelled, first.State);
        Assert.Throws<DomainRuleException>(() => first.Confirm(later));
        second.Confirm(later.AddHours(1));
        Assert.Equal((BookingState.Active, (TimeOnly?)Ten), (second.State, second.SlotStart));
    }

    [Fact]
    public void An_offered_place_is_the_residents_up_to_the_instant_the_window_closes_and_lapses_only_after()
    {
        var session = Session();
        var all = new List<Booking>();
        var booked = Book(session, all, Ten);
        Book(session, all, new(10, 20));
        Book(session, all, new(10, 40));
        var first = Book(session, all, Ten);
        Book(session, all, Ten);
        ReceptionBook.Cancel(session, all, booked, "resident-called", Now);
        var closes = Now.AddHours(24);

        Assert.False(first.OfferRanOut(closes));
        Assert.Empty(ReceptionBook.ExpireOffers(session, all, closes));
        Assert.Equal(BookingState.Offered, first.State);
        Assert.True(first.OfferRanOut(closes.AddTicks(1)));
        Assert.False(booked.OfferRanOut(closes.AddDays(1))); // only an open offer can run out
    }

    [Fact]
    public void A_place_goes_down_the_waiting_list_one_unanswered_offer_at_a_time_each_with_a_fresh_window()
    {
        var session = Session();
        var all = new List<Booking>();
        var booked = Book(session, all, Ten);
        Book(session, all, new(10, 20));
        Book(session, all, new(10, 40));
        var first = Book(session, all, Ten);
        var second = Book(session, all, Ten);
        var third = Book(session, all, Ten);
        ReceptionBook.Cancel(session, all, booked, "resident-called", Now);

        var tuesday = Now.AddHours(25);
        Assert.Equal([(first, second)], ReceptionBook.ExpireOffers(session, all, tuesday).Select(l => (l.Lapsed, l.PassedTo!)));
        Assert.Equal((BookingState.Cancelled, "offer-expired", (TimeOnly?)null), (first.State, first.CancelReason, first.SlotStart));
        Assert.Equal((BookingState.Offered, (TimeOnly?)Ten, tuesday.AddHours(24)), (second.State, second.SlotStart, second.OfferExpiresAt));
        Assert.Equal([third], ReceptionBook.WaitingList(session.Id, all)); // the one who never answered leaves the list
        Assert.Empty(ReceptionBook.ExpireOffers(session, all, tuesday.AddHours(1))); // a second pass finds nothing more

        // The second does not answer either: the third's window is cut at the session's start (Thursday 10:00).
        var wednesday = tuesday.AddHours(25);
        Assert.Equal([(second, third)], ReceptionBook.ExpireOffers(session, all, wednesday).Select(l => (l.Lapsed, l.PassedTo!)));
        Assert.Equal(session.StartsAtUtc, third.OfferExpiresAt);
        Assert.Equal(0, ReceptionBook.FreePlaces(session, all)[Ten]);
    }

    [Fact]
    public void Two_places_lapsing_in_one_pass_go_in_the_order_they_were_freed_whatever_order_the_bookings_are_read_in()
    {
        var session = Session();
        var all = new List<Booking>();
        var at1000 = Book(session, all, Ten);
        var at1020 = Book(session, all, new(10, 20));
        Book(session, all, new(10, 40));
        var first = Book(session, all, Ten);
        var second = Book(session, all, Ten);
        var third = Book(session, all, Ten);
        var fourth = Book(session, all, Ten);
        ReceptionBook.Cancel(session, all, at1020, "resident-called", Now);          // the first is offered 10:20
        ReceptionBook.Cancel(session, all, at1000, "resident-called", Now.AddHours(1)); // the second is offered 10:00

        // Read back in the opposite order (a database promises none): 10:20, freed first, still goes first.
        var lapses = ReceptionBook.ExpireOffers(session, Enumerable.Reverse(all).ToList(), Now.AddHours(26));
        Assert.Equal([(first, new TimeOnly(10, 20), third), (second, Ten, fourth)], lapses.Select(l => (l.Lapsed, l.Slot, l.PassedTo!)));
        Assert.Equal(((TimeOnly?)new TimeOnly(10, 20), (TimeOnly?)Ten), (third.SlotStart, fourth.SlotStart));
    }

    [Fact]
    public void An_offer_that_runs_out_as_the_session_begins_frees_the_place_for_nobody()
    {
        var session = Session();
        var all = new List<Booking>();
        var booked = Book(session, all, Ten);
        Book(session, all, new(10, 20));
        Book(session, all, new(10, 40));
        var first = Book(session, all, Ten);
        var second = Book(session, all, Ten);
        ReceptionBook.Cancel(session, all, booked, "resident-called", session.StartsAtUtc.AddHours(-2));

        var lapse = Assert.Single(ReceptionBook.ExpireOffers(session, all, session.StartsAtUtc.AddMinutes(1)));
        Assert.Equal((first, (Booking?)null), (lapse.Lapsed, lapse.PassedTo));
        Assert.Equal(BookingState.Waiting, second.State); // too late to come: nobody is offered a time already under way
    }

    [Fact]
    public void An_offer_made_the_evening_before_runs_out_when_the_session_starts()
    {
        var session = Session();
        var all = new List<Booking>();
        var booked = Book(session, all, Ten);
        Book(session, all, new(10, 20));
        Book(session, all, new(10, 40));
        var waiting = Book(session, all, Ten);
        var evening = new DateTime(2026, 12, 2, 15, 0, 0, DateTimeKind.Utc); // 20:00 in Almaty the day before
        ReceptionBook.Cancel(session, all, booked, "resident-called", evening);
        Assert.Equal(new DateTime(2026, 12, 3, 5, 0, 0, DateTimeKind.Utc), waiting.OfferExpiresAt);
    }

    [Fact]
    public void Rescheduling_a_whole_session_keeps_everyones_order_across_the_next_sessions_and_the_waiting_list()
    {
        var thursday = Session();
        var all = new List<Booking>();
        var at1040 = Book(thursday, all, new(10, 40));
        var at1000 = Book(thursday, all, Ten);
        var at1020 = Book(thursday, all, new(10, 20));
        var waiting = Book(thursday, all, Ten);

        // Next week's two sessions: Thursday 10 has its 10:00 taken already, Friday 11 is empty.
        var next = Session(day: 10);
        var nextBookings = new List<Booking>();
        Book(next, nextBookings, Ten);
        var friday = Session(day: 11, startHour: 9, endHour: 10);
        var targets = new List<(ReceptionSession, IReadOnlyCollection<Booking>)> { (friday, []), (next, nextBookings) };

        var plan = ReceptionBook.PlanReschedule(thursday, all, targets, Now);
        Assert.Equal(
        [
            (at1000.Id, next.Id, (TimeOnly?)new TimeOnly(10, 20)),
            (at1020.Id, next.Id, (TimeOnly?)new TimeOnly(10, 40)),
            (at1040.Id, friday.Id, (TimeOnly?)new TimeOnly(9, 0)),
            (waiting.Id, friday.Id, (TimeOnly?)new TimeOnly(9, 20)),
        ], plan.Select(p => (p.BookingId, p.ToSessionId, p.ToSlot)));

        var versions = all.ToDictionary(b => b.Id, b => b.Version);
        ReceptionBook.Apply(thursday, all, plan, Now);
        Assert.True(thursday.IsCancelled);
        Assert.All(all, b => Assert.Equal(BookingState.Active, b.State));
        Assert.All(all, b => Assert.True(b.Version > versions[b.Id], "a moved booking's old notifications are stale"));
    }

    [Fact]
    public void Rescheduling_to_a_session_with_room_keeps_each_residents_own_time_unless_that_would_cost_someone_a_place()
    {
        var thursday = Session(places: 2);
        var all = new List<Booking>();
        var at1020 = Book(thursday, all, new(10, 20));
        var at1040 = Book(thursday, all, new(10, 40));

        var roomy = Session(places: 2, day: 10);
        Assert.Equal([(TimeOnly?)new TimeOnly(10, 20), new TimeOnly(10, 40)],
            ReceptionBook.PlanReschedule(thursday, all, [(roomy, [])], Now).Select(p => p.ToSlot)); // not moved earlier for nothing

        // Three residents onto one place a slot: keeping 10:20 and 10:40 would leave the third without one,
        // so they move up, still in their order.
        var third = Book(thursday, all, new(10, 40));
        var tight = Session(places: 1, day: 10);
        var plan = ReceptionBook.PlanReschedule(thursday, all, [(tight, [])], Now);
        Assert.Equal(
        [
            (at1020.Id, (TimeOnly?)Ten),
            (at1040.Id, (TimeOnly?)new TimeOnly(10, 20)),
            (third.Id, (TimeOnly?)new TimeOnly(10, 40)),
        ], plan.Select(p => (p.BookingId, p.ToSlot)));
    }

    [Fact]
    public void One_booking_moves_to_a_free_place_and_its_old_place_is_offered_to_the_first_waiting()
    {
        var thursday = Session();
        var all = new List<Booking>();
        var mover = Book(thursday, all, new(10, 20));
        Book(thursday, all, Ten);
        Book(thursday, all, new(10, 40));
        var waiting = Book(thursday, all, Ten);
        var next = Session(day: 10);
        var nextBookings = new List<Booking>();
        var taken = Book(next, nextBookings, Ten);

        Assert.Equal(DomainRule.SlotTaken, Assert.Throws<DomainRuleException>(() =>
            ReceptionBook.Move(thursday, all, mover, next, nextBookings, Ten, 0, Now)).Rule);
        Assert.Equal(DomainRule.BookingLimit, Assert.Throws<DomainRuleException>(() =>
            ReceptionBook.Move(thursday, all, mover, next, nextBookings, new(10, 40), 1, Now)).Rule);
        Assert.Equal((thursday.Id, (TimeOnly?)new TimeOnly(10, 20)), (mover.SessionId, mover.SlotStart)); // refusals change nothing

        var version = mover.Version;
        var offered = ReceptionBook.Move(thursday, all, mover, next, nextBookings, new(10, 40), 0, Now);
        Assert.Equal((next.Id, (TimeOnly?)new TimeOnly(10, 40), BookingState.Active), (mover.SessionId, mover.SlotStart, mover.State));
        Assert.True(mover.Version > version);
        Assert.Same(waiting, offered);
        Assert.Equal((BookingState.Offered, (TimeOnly?)new TimeOnly(10, 20)), (waiting.State, waiting.SlotStart));
        Assert.Equal(BookingState.Active, taken.State);
    }

    [Fact]
    public void Rescheduling_onto_a_full_cancelled_or_past_session_is_refused_and_overflow_waits()
    {
        var thursday = Session();
        var all = new List<Booking>();
        Book(thursday, all, Ten);
        Book(thursday, all, new(10, 20));

        var full = Session(day: 10, endHour: 10 + 1);
        var fullBookings = new List<Booking>();
        Book(full, fullBookings, Ten);
        Book(full, fullBookings, new(10, 20));
        Book(full, fullBookings, new(10, 40));
        Assert.Equal(DomainRule.RescheduleDoesNotFit, Assert.Throws<DomainRuleException>(() =>
            ReceptionBook.PlanReschedule(thursday, all, [(full, fullBookings)], Now)).Rule);

        var cancelled = Session(day: 17);
        cancelled.Cancel(Now);
        Assert.Equal(DomainRule.SessionUnavailable, Assert.Throws<DomainRuleException>(() =>
            ReceptionBook.PlanReschedule(thursday, all, [(cancelled, [])], Now)).Rule);
        var past = ReceptionSession.Plan(Guid.NewGuid(), "X", null, new(2026, 11, 27), new(10, 0), new(11, 0), 20, 1, null);
        Assert.Equal(DomainRule.SessionUnavailable, Assert.Throws<DomainRuleException>(() =>
            ReceptionBook.PlanReschedule(thursday, all, [(past, [])], Now)).Rule);

        // One free place for two residents: the second in order waits on that session's list.
        var small = ReceptionSession.Plan(Guid.NewGuid(), "X", null, new(2026, 12, 17), new(10, 0), new(10, 20), 20, 1, null);
        var plan = ReceptionBook.PlanReschedule(thursday, all, [(small, [])], Now);
        Assert.Equal([(TimeOnly?)Ten, null], plan.Select(p => p.ToSlot));
    }
}

public class ReceptionScheduleTests
{
    private static readonly WorkingCalendar December = new([new(2026, 12, 16)], []);

    [Fact]
    public void Sessions_are_generated_on_the_weekday_skipping_holidays_and_dates_already_taken()
    {
        var wednesdays = ReceptionSchedule.Create(Guid.NewGuid(), "Ахметов", 27, DayOfWeek.Wednesday, new(15, 0), new(17, 0), 20, 2, 21, new(2026, 12, 1));
        var dates = wednesdays.DatesToGenerate(new(2026, 11, 30), new(2026, 12, 31), December, new HashSet<DateOnly> { new(2026, 12, 9) });
        // 2, (9 taken), (16 Independence Day), 23, 30.
        Assert.Equal([new DateOnly(2026, 12, 2), new(2026, 12, 23), new(2026, 12, 30)], dates);
        var session = wednesdays.SessionOn(dates[0], Guid.NewGuid());
        Assert.Equal((new TimeOnly(15, 0), 6, (int?)21), (session.Start, session.Slots().Count, session.DeskId));
    }

    [Fact]
    public void A_schedule_ends_when_told_and_never_falls_on_a_weekend()
    {
        var mondays = ReceptionSchedule.Create(Guid.NewGuid(), "Ахметов", null, DayOfWeek.Monday, new(10, 0), new(12, 0), 30, 1, null, new(2026, 12, 1));
        mondays.ActiveUntil = new DateOnly(2026, 12, 14);
        Assert.Equal([new DateOnly(2026, 12, 7), new(2026, 12, 14)], mondays.DatesToGenerate(new(2026, 11, 30), new(2027, 1, 31), December, new HashSet<DateOnly>()));
        Assert.Throws<DomainRuleException>(() =>
            ReceptionSchedule.Create(Guid.NewGuid(), "Ахметов", null, DayOfWeek.Saturday, new(10, 0), new(12, 0), 30, 1, null, new(2026, 12, 1)));
    }
}
