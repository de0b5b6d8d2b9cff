using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Domain.Tests;

public class QueueOrderTests
{
    private static readonly DateTime Nine = new(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc);

    private static QueueEntry Entry(int minute, TicketTier tier = TicketTier.Regular, int service = 1, DateTime? slot = null) =>
        new(Guid.NewGuid(), service, tier, Nine.AddMinutes(minute), slot);

    private static Dictionary<int, ServiceRatio> Ratio(int? sincePriority, int ratio = 2) =>
        new() { [1] = new ServiceRatio(1, ratio, sincePriority) };

    [Fact]
    public void Nobody_waiting_means_no_call()
    {
        Assert.Null(QueueOrder.ChooseNext([], Ratio(null), Nine));
    }

    [Fact]
    public void Regular_tickets_are_called_in_arrival_order()
    {
        var first = Entry(1);
        var second = Entry(2);
        var decision = QueueOrder.ChooseNext([second, first], Ratio(0), Nine.AddMinutes(5));
        Assert.Equal(first.TicketId, decision!.Entry.TicketId);
        Assert.Equal(CallRules.Arrival, decision.Reason.Rule);
    }

    [Fact]
    public void Priority_visitor_goes_first_when_no_priority_call_was_made_yet()
    {
        var regular = Entry(1);
        var elderly = Entry(3, TicketTier.Priority);
        var decision = QueueOrder.ChooseNext([regular, elderly], Ratio(null), Nine.AddMinutes(5));
        Assert.Equal(elderly.TicketId, decision!.Entry.TicketId);
        Assert.Equal(CallRules.PriorityRatio, decision.Reason.Rule);
    }

    [Fact]
    public void Calls_priority_ticket_after_two_regulars()
    {
        var regulars = Enumerable.Range(0, 5).Select(i => Entry(i)).ToList();
        var priorities = Enumerable.Range(10, 3).Select(i => Entry(i, TicketTier.Priority)).ToList();
        var ranked = QueueOrder.Rank([.. regulars, .. priorities], new ServiceRatio(1, 2, null), Nine.AddHours(1));
        var tiers = string.Concat(ranked.Select(e => e.Tier == TicketTier.Priority ? 'P' : 'R'));
        Assert.Equal("PRRPRRPRR"[..ranked.Count], tiers);
    }

    [Fact]
    public void Choosing_one_at_a_time_matches_the_ranking()
    {
        var waiting = Enumerable.Range(0, 7).Select(i => Entry(i, i % 3 == 0 ? TicketTier.Priority : TicketTier.Regular)).ToList();
        var ratio = new ServiceRatio(1, 2, 1);
        var ranked = QueueOrder.Rank(waiting, ratio, Nine.AddHours(1)).Select(e => e.TicketId).ToList();

        var called = new List<Guid>();
        var remaining = waiting.ToList();
        while (QueueOrder.ChooseNext(remaining, new Dictionary<int, ServiceRatio> { [1] = ratio }, Nine.AddHours(1)) is { } d)
        {
            called.Add(d.Entry.TicketId);
            remaining.Remove(d.Entry);
            ratio = ratio.After(d.Entry.Tier);
        }

        Assert.Equal(ranked, called);
    }

    [Fact]
    public void Reception_check_in_is_called_at_its_slot_ahead_of_everyone()
    {
        var regular = Entry(0);
        var elderly = Entry(1, TicketTier.Priority);
        var booked = Entry(20, TicketTier.Reception, slot: Nine.AddMinutes(30));

        var before = QueueOrder.ChooseNext([regular, elderly, booked], Ratio(null), Nine.AddMinutes(29));
        Assert.NotEqual(booked.TicketId, before!.Entry.TicketId);

        var at = QueueOrder.ChooseNext([regular, elderly, booked], Ratio(null), Nine.AddMinutes(30));
        Assert.Equal(booked.TicketId, at!.Entry.TicketId);
        Assert.Equal(CallRules.ReceptionSlot, at.Reason.Rule);
    }

    [Fact]
    public void Early_reception_is_called_when_nobody_else_waits()
    {
        var booked = Entry(0, TicketTier.Reception, slot: Nine.AddHours(2));
        var decision = QueueOrder.ChooseNext([booked], Ratio(0), Nine);
        Assert.Equal(CallRules.ReceptionEarly, decision!.Reason.Rule);
    }

    [Fact]
    public void Reason_records_the_counters_that_decided()
    {
        var decision = QueueOrder.ChooseNext([Entry(0), Entry(1), Entry(2, TicketTier.Priority)], Ratio(1), Nine.AddHours(1));
        Assert.Equal(new CallReason(CallRules.Arrival, "Regular", 1, 2, 1, 2, 0), decision!.Reason);
    }
}

public class DeskQueueTests
{
    private static readonly DateTime Nine = new(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<int, ServiceRatio> Ratios = new() { [1] = new ServiceRatio(1, 2, 0), [2] = new ServiceRatio(2, 2, 0) };

    private static QueueEntry Entry(string prefix, int number, int minute, TicketTier tier = TicketTier.Regular, int service = 1, int? reserved = null) =>
        new(Guid.NewGuid(), service, tier, Nine.AddMinutes(minute), null, prefix, number, reserved);

    [Fact]
    public void Equal_arrivals_are_ordered_by_prefix_and_number_not_by_id()
    {
        var second = Entry("A", 2, 0);
        var first = Entry("A", 1, 0);
        var transferred = Entry("B", 1, 0);
        var desk = QueueOrder.ForDesk([transferred, second, first], Ratios, Nine.AddHours(1), 7, [7]);
        Assert.Equal(["A-1", "A-2", "B-1"], desk.CallOrder.Select(e => $"{e.Prefix}-{e.Number}"));
    }

    [Fact]
    public void A_ticket_sent_to_another_serving_desk_is_not_in_this_desks_call_order()
    {
        var mine = Entry("A", 1, 1);
        var forDesk9 = Entry("A", 2, 0, reserved: 9);
        var desk7 = QueueOrder.ForDesk([mine, forDesk9], Ratios, Nine.AddHours(1), 7, [7, 9]);
        Assert.Equal([mine], desk7.CallOrder);
        Assert.Equal([forDesk9], desk7.ReservedElsewhere);

        // Once desk 9 stops serving, anyone serves the visitor, in arrival order.
        var desk7Later = QueueOrder.ForDesk([mine, forDesk9], Ratios, Nine.AddHours(1), 7, [7]);
        Assert.Equal([forDesk9, mine], desk7Later.CallOrder);
        Assert.Empty(desk7Later.ReservedElsewhere);
    }

    [Fact]
    public void A_desk_of_two_services_calls_in_the_order_its_list_shows()
    {
        var rnd = new Random(5);
        var waiting = Enumerable.Range(0, 40).Select(i => Entry(i % 2 == 0 ? "A" : "B", i, rnd.Next(0, 30),
            rnd.Next(4) == 0 ? TicketTier.Priority : TicketTier.Regular, service: i % 2 + 1)).ToList();
        var list = QueueOrder.ForDesk(waiting, Ratios, Nine.AddHours(1), 7, [7]).CallOrder;

        var ratios = new Dictionary<int, ServiceRatio>(Ratios);
        var remaining = waiting.ToList();
        var called = new List<QueueEntry>();
        while (QueueOrder.ChooseNext(remaining, ratios, Nine.AddHours(1)) is { } d)
        {
            called.Add(d.Entry);
            remaining.Remove(d.Entry);
            ratios[d.Entry.ServiceId] = ratios[d.Entry.ServiceId].After(d.Entry.Tier);
        }

        Assert.Equal(called, list);
    }
}

public class PeopleAheadTests
{
    private static readonly DateTime Nine = new(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(5, 3, null)]
    [InlineData(5, 3, 0)]
    [InlineData(5, 3, 1)]
    [InlineData(0, 4, 2)]
    [InlineData(7, 0, null)]
    [InlineData(2, 9, 0)]
    public void Arithmetic_position_matches_the_full_ranking(int regulars, int priorities, int? since)
    {
        var entries = Enumerable.Range(0, regulars).Select(i => new QueueEntry(Guid.NewGuid(), 1, TicketTier.Regular, Nine.AddMinutes(i), null))
            .Concat(Enumerable.Range(0, priorities).Select(i => new QueueEntry(Guid.NewGuid(), 1, TicketTier.Priority, Nine.AddMinutes(i).AddSeconds(30), null)))
            .ToList();
        var ratio = new ServiceRatio(1, 2, since);
        var ranked = QueueOrder.Rank(entries, ratio, Nine.AddHours(1));
        var counts = new TierCounts(priorities, regulars, 0);
        foreach (var tier in new[] { TicketTier.Regular, TicketTier.Priority })
        {
            var ofTier = ranked.Where(e => e.Tier == tier).ToList();
            for (var k = 0; k < ofTier.Count; k++)
            {
                Assert.Equal(ranked.ToList().IndexOf(ofTier[k]), QueueOrder.PeopleAhead(tier, k, counts, 0, ratio));
            }
        }
    }

    [Fact]
    public void A_new_ticket_counts_everyone_it_will_follow()
    {
        // 4 regulars, 3 priorities waiting, ratio state "priority due": P R R P R R P [new R]
        var ahead = QueueOrder.PeopleAhead(TicketTier.Regular, 4, new TierCounts(3, 4, 0), 0, new ServiceRatio(1, 2, null));
        Assert.Equal(7, ahead);
        // A new priority ticket behind 3 priorities with 4 regulars: P R R P R R P [new P]
        Assert.Equal(7, QueueOrder.PeopleAhead(TicketTier.Priority, 3, new TierCounts(3, 4, 0), 0, new ServiceRatio(1, 2, null)));
        // Due receptions go first.
        Assert.Equal(2, QueueOrder.PeopleAhead(TicketTier.Regular, 0, new TierCounts(0, 0, 2), 2, new ServiceRatio(1, 2, 0)));
    }
}
