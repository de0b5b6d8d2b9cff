using Bunit;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

namespace OpenAlmaty.FrontOffice.Components.Tests.Desk.Parts;

/// <summary>The desk's open state on its own: closing needs a reason, and a closed desk says which.</summary>
public sealed class DeskOpenStateTests : ConsolePartContext
{
    private string _reason = "";
    private readonly List<string> _closed = [];
    private int _opened;

    private IRenderedComponent<DeskOpenState> State(DeskDto desk) => Render<DeskOpenState>(p => p
        .Add(c => c.Desk, desk)
        .Add(c => c.CloseReason, _reason)
        .Add(c => c.CloseReasonChanged, reason => _reason = reason)
        .Add(c => c.OnClose, reason => _closed.Add(reason))
        .Add(c => c.OnOpen, () => _opened++));

    private static DeskDto Desk(bool open, string? closedReason = null) => new(4, "4", open, closedReason, [1], false);

    [Fact]
    public void An_open_desk_closes_only_for_a_reason()
    {
        var cut = State(Desk(open: true));
        Assert.Equal("Открыто", cut.Find("[data-test=desk-state]").TextContent);
        Assert.True(cut.Find("[data-test=close-desk]").HasAttribute("disabled"));
        cut.Find("[data-test=close-desk]").Click(); // what a forged click would send: refused all the same
        Assert.Empty(_closed);

        cut.Find("[data-test=close-reason]").Change("lunch");
        cut.Render(p => p.Add(c => c.CloseReason, _reason));
        cut.Find("[data-test=close-desk]").Click();

        Assert.Equal(["lunch"], _closed);
        Assert.Empty(cut.FindAll("[data-test=open-desk]"));
    }

    [Theory]
    [InlineData("lunch", "Закрыто · Обед")]
    [InlineData("technical", "Закрыто · Техническая неисправность")]
    [InlineData("strike", "Закрыто · strike")] // a reason this console has no words for is shown as it came
    [InlineData(null, "Закрыто ")]
    public void A_closed_desk_says_why_and_opens_again(string? reason, string shown)
    {
        var cut = State(Desk(open: false, reason));
        Assert.Equal(shown, cut.Find("[data-test=desk-state]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=close-reason]"));

        cut.Find("[data-test=open-desk]").Click();
        Assert.Equal(1, _opened);
    }
}
