using Bunit;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

namespace OpenAlmaty.FrontOffice.Components.Tests.Desk.Parts;

/// <summary>The console's new lists on their own, in Kazakh: words for every state, never a code.</summary>
public sealed class ConsoleListsInKazakhTests() : ConsolePartContext("kk")
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static string Service(int id) => "E · Энергетика";

    [Fact]
    public void No_shows_show_the_minutes_left_and_raise_the_rejoin()
    {
        var rejoined = new List<RejoinableTicketDto>();
        var ticket = new RejoinableTicketDto(Guid.NewGuid(), "E-004", 1, Now.AddMinutes(-6), Now.AddMinutes(9), 3);
        var cut = Render<NoShowList>(p => p.Add(c => c.Tickets, [ticket]).Add(c => c.Now, Now).Add(c => c.ServiceName, Service)
            .Add(c => c.OnRejoin, t => rejoined.Add(t)));

        Assert.Equal("9 мин қалды", cut.Find("[data-test=minutes-left]").TextContent);
        Assert.Equal("Кезекке қайтару", cut.Find("[data-test=rejoin]").TextContent);
        cut.Find("[data-test=rejoin]").Click();
        Assert.Equal([ticket], rejoined);
    }

    [Theory]
    [InlineData("Waiting", "Кезекте", true, false)]
    [InlineData("Parked", "Кейінге қалдырылды", true, true)]
    [InlineData("Completed", "Қызмет көрсетілді", false, false)]
    [InlineData("Cancelled", "Жойылды", false, false)]
    [InlineData("SomethingNew", "Белгісіз күй", false, false)]
    public void A_found_ticket_says_its_state_in_words_with_only_the_actions_that_apply(string state, string words, bool reprint, bool unpark)
    {
        var found = new FoundTicketDto(Guid.NewGuid(), "E-004", 1, state, null, 2, null);
        var cut = Render<TicketSearch>(p => p.Add(c => c.Query, "4").Add(c => c.QueryChanged, _ => { }).Add(c => c.Found, [found])
            .Add(c => c.Now, Now).Add(c => c.ServiceName, Service).Add(c => c.OnSearch, _ => { })
            .Add(c => c.OnUnpark, _ => { }).Add(c => c.OnRejoin, _ => { }).Add(c => c.OnReprint, _ => { }));

        Assert.Equal(words, cut.Find("[data-test=search-state]").TextContent);
        Assert.Equal(reprint, cut.FindAll("[data-test=search-reprint]").Count == 1);
        Assert.Equal(unpark, cut.FindAll("[data-test=search-unpark]").Count == 1);
        Assert.Empty(cut.FindAll("[data-test=search-rejoin]"));
    }

    [Fact]
    public void A_no_show_past_its_window_is_found_but_no_longer_offered_back()
    {
        var late = new FoundTicketDto(Guid.NewGuid(), "E-004", 1, "NoShow", null, 2, Now.AddMinutes(-1));
        var cut = Render<TicketSearch>(p => p.Add(c => c.Query, "E-004").Add(c => c.QueryChanged, _ => { }).Add(c => c.Found, [late])
            .Add(c => c.Now, Now).Add(c => c.ServiceName, Service).Add(c => c.OnSearch, _ => { })
            .Add(c => c.OnUnpark, _ => { }).Add(c => c.OnRejoin, _ => { }).Add(c => c.OnReprint, _ => { }));

        Assert.Equal("Келмеді · қайту уақыты өтті", cut.Find("[data-test=search-state]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=search-rejoin]"));
    }

    [Fact]
    public void My_day_reads_in_kazakh_with_kazakh_numbers()
    {
        var cut = Render<MyDay>(p => p.Add(c => c.Day, new OfficerDayDto(12, 17.5, 42, 3, 4.67)));
        Assert.Equal("12", cut.Find("[data-test=my-served]").TextContent);
        Assert.Equal("17,5 мин", cut.Find("[data-test=my-average]").TextContent);
        Assert.Equal("42 мин", cut.Find("[data-test=my-longest-wait]").TextContent);
        Assert.Equal("4,67 ★ (3 баға)", cut.Find("[data-test=my-ratings]").TextContent);
        Assert.Contains("Менің күнім", cut.Markup, StringComparison.Ordinal);
    }
}
