using AngleSharp.Dom;
using Bunit;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

namespace OpenAlmaty.FrontOffice.Components.Tests.Desk.Parts;

/// <summary>The waiting list on its own: four visitors at the energy desk, a quarter past nine.</summary>
public sealed class WaitingListTests : ConsolePartContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 4, 15, 0, TimeSpan.Zero);

    private static readonly WaitingTicketDto Elderly = Ticket("E-003", priority: "Elderly", minutesAgo: 7);
    private static readonly WaitingTicketDto Booked = Ticket("E-004", tier: "Reception", minutesAgo: 2);
    private static readonly WaitingTicketDto Regular = Ticket("E-001", minutesAgo: 31);
    private static readonly WaitingTicketDto Transferred = Ticket("W-002", minutesAgo: 44) with { Transferred = true };
    private static readonly WaitingTicketDto Reserved = Ticket("W-005", minutesAgo: 12) with { Transferred = true, ReservedForDesk = "7" };

    private TicketChoice? _choice;
    private readonly List<TicketChoice> _called = [];

    private static WaitingTicketDto Ticket(string number, string priority = "None", string tier = "Regular", int minutesAgo = 0) =>
        new(Guid.NewGuid(), number, 1, priority, tier, Now.AddMinutes(-minutesAgo), null, 1, false);

    private IRenderedComponent<WaitingList> List(bool canChoose) => Render<WaitingList>(p => p
        .Add(c => c.Tickets, [Elderly, Booked, Regular, Transferred, Reserved])
        .Add(c => c.Now, Now)
        .Add(c => c.ServiceName, id => id == 1 ? "E · Энергетика" : "?")
        .Add(c => c.CanChoose, canChoose)
        .Add(c => c.Choice, _choice)
        .Add(c => c.ChoiceChanged, choice => _choice = choice)
        .Add(c => c.OnCall, choice => _called.Add(choice)));

    private IElement Row(IRenderedComponent<WaitingList> cut, WaitingTicketDto ticket) =>
        cut.Find($"[data-test=waiting-row][data-number='{ticket.Number}']");

    [Fact]
    public void Each_visitor_shows_the_marks_of_their_turn_and_the_wait_so_far()
    {
        var cut = List(canChoose: false);

        Assert.Equal("5", cut.Find("[data-test=waiting-count]").TextContent);
        Assert.Equal(["E-003", "E-004", "E-001", "W-002", "W-005"], cut.FindAll("[data-test=waiting-row]").Select(r => r.GetAttribute("data-number")));
        Assert.Equal("пожилой", Row(cut, Elderly).QuerySelector(".badge.bad[title]")!.GetAttribute("title"));
        Assert.Contains("запись", Row(cut, Booked).TextContent, StringComparison.Ordinal);
        Assert.Contains("↪", Row(cut, Transferred).TextContent, StringComparison.Ordinal);
        Assert.Empty(Row(cut, Regular).QuerySelectorAll(".badge"));
        Assert.Equal("для окна 7", Row(cut, Reserved).QuerySelector("[data-test=reserved]")!.TextContent);
        Assert.Empty(Row(cut, Transferred).QuerySelectorAll("[data-test=reserved]"));
        Assert.Equal(["E-001", "E · Энергетика", "31 мин", ""], Row(cut, Regular).QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-test=choose]")); // a visitor at the desk, or the desk closed: nobody is called by hand
    }

    [Fact]
    public void A_visitor_is_called_out_of_turn_only_with_a_reason()
    {
        var cut = List(canChoose: true);
        Assert.Equal(4, cut.FindAll("[data-test=choose]").Count);
        Assert.Empty(Row(cut, Reserved).QuerySelectorAll("[data-test=choose]")); // only desk 7 calls it

        Row(cut, Regular).QuerySelector("[data-test=choose]")!.Click();
        Assert.Equal(new TicketChoice(Regular.Id, ""), _choice);
        cut.Render(p => p.Add(c => c.Choice, _choice));
        Assert.Single(Row(cut, Regular).QuerySelectorAll("[data-test=choose-reason]"));
        Assert.Equal(3, cut.FindAll("[data-test=choose]").Count);
        Assert.True(cut.Find("[data-test=choose-confirm]").HasAttribute("disabled"));

        cut.Find("[data-test=choose-reason]").Input("   ");
        cut.Render(p => p.Add(c => c.Choice, _choice));
        Assert.True(cut.Find("[data-test=choose-confirm]").HasAttribute("disabled"));
        cut.Find("[data-test=choose-confirm]").Click(); // what a forged click would send: refused all the same
        Assert.Empty(_called);

        cut.Find("[data-test=choose-reason]").Input("с ребёнком на руках");
        cut.Render(p => p.Add(c => c.Choice, _choice));
        cut.Find("[data-test=choose-confirm]").Click();

        Assert.Equal([new TicketChoice(Regular.Id, "с ребёнком на руках")], _called);
    }
}
