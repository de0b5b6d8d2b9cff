using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Domain.Tests;

public class TicketTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 5, 0, 0, DateTimeKind.Utc);

    private static Ticket NewTicket(int serviceId = 1) => Ticket.Issue(Guid.NewGuid(), "pub", serviceId, "A", 15,
        new DateOnly(2026, 11, 30), "kk", Priority.None, Now, 0, new WaitRange(0, 15), false);

    [Fact]
    public void Display_number_is_prefix_and_three_digits()
    {
        Assert.Equal("A-015", NewTicket().DisplayNumber);
        Assert.Equal("ZH-007", TicketNumber.Format("ZH", 7));
    }

    [Fact]
    public void Three_recalls_are_allowed_and_the_fourth_makes_a_no_show()
    {
        var ticket = NewTicket();
        ticket.Call(7, Now);
        for (var i = 1; i <= 3; i++)
        {
            ticket.Recall(Now.AddMinutes(i), recallLimit: 3);
            Assert.Equal(TicketState.Called, ticket.State);
            Assert.Equal(i, ticket.RecallCount);
        }

        ticket.Recall(Now.AddMinutes(4), recallLimit: 3);
        Assert.Equal(TicketState.NoShow, ticket.State);
        Assert.Equal(Now.AddMinutes(4), ticket.ClosedAt);
    }

    [Fact]
    public void No_show_may_rejoin_within_the_window_keeping_arrival()
    {
        var ticket = NewTicket();
        ticket.Call(7, Now.AddMinutes(30));
        ticket.MarkNoShow(Now.AddMinutes(31));
        ticket.Rejoin(Now.AddMinutes(45), TimeSpan.FromMinutes(15));
        Assert.Equal(TicketState.Waiting, ticket.State);
        Assert.Equal(Now, ticket.ArrivedAt);
        Assert.Null(ticket.DeskId);
    }

    [Fact]
    public void No_show_cannot_rejoin_after_the_window()
    {
        var ticket = NewTicket();
        ticket.Call(7, Now);
        ticket.MarkNoShow(Now);
        var error = Assert.Throws<DomainRuleException>(() => ticket.Rejoin(Now.AddMinutes(16), TimeSpan.FromMinutes(15)));
        Assert.Equal(DomainRule.RejoinWindowPassed, error.Rule);
        Assert.Equal(TicketState.NoShow, ticket.State);
    }

    [Fact]
    public void Transfer_keeps_arrival_and_number_and_waits_in_the_new_service()
    {
        var ticket = NewTicket(serviceId: 1);
        ticket.Call(7, Now.AddMinutes(20));
        ticket.TransferTo(2, "needs the housing inspection");
        Assert.Equal(TicketState.Waiting, ticket.State);
        Assert.Equal(2, ticket.ServiceId);
        Assert.Equal(Now, ticket.ArrivedAt);
        Assert.Equal("A-015", ticket.DisplayNumber);
        Assert.Equal(1, ticket.TransferCount);
    }

    [Fact]
    public void Actions_in_the_wrong_state_are_refused_and_change_nothing()
    {
        var ticket = NewTicket();
        var version = ticket.Version;
        Assert.Equal(DomainRule.TicketWrongState, Assert.Throws<DomainRuleException>(() => ticket.Complete(Now)).Rule);
        Assert.Equal(DomainRule.TicketWrongState, Assert.Throws<DomainRuleException>(() => ticket.Recall(Now, 3)).Rule);
        Assert.Equal(TicketState.Waiting, ticket.State);
        Assert.Equal(version, ticket.Version);
    }

    [Fact]
    public void Park_and_unpark_return_the_visitor_to_the_queue()
    {
        var ticket = NewTicket();
        ticket.Call(7, Now);
        ticket.Park(Now.AddMinutes(2));
        Assert.Equal(TicketState.Parked, ticket.State);
        Assert.Equal(7, ticket.ParkedByDeskId);
        ticket.Unpark();
        Assert.Equal(TicketState.Waiting, ticket.State);
        Assert.Equal(Now, ticket.ArrivedAt);
    }

    [Fact]
    public void Every_change_bumps_the_version()
    {
        var ticket = NewTicket();
        ticket.Call(7, Now);
        ticket.StartServing(Now);
        ticket.Complete(Now);
        Assert.Equal(3, ticket.Version);
    }
}
