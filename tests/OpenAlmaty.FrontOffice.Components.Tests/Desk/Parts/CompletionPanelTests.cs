using Bunit;
using OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

namespace OpenAlmaty.FrontOffice.Components.Tests.Desk.Parts;

/// <summary>The completion panel on its own, bound to a draft as the console page binds it.</summary>
public sealed class CompletionPanelTests : ConsolePartContext
{
    private CompletionDraft _draft = CompletionDraft.Empty;
    private readonly List<CompletionDraft> _completed = [];
    private int _cancelled;

    private IRenderedComponent<CompletionPanel> Panel() => Render<CompletionPanel>(p => p
        .Add(c => c.Value, _draft)
        .Add(c => c.ValueChanged, draft => _draft = draft)
        .Add(c => c.OnComplete, draft => _completed.Add(draft))
        .Add(c => c.OnCancel, () => _cancelled++));

    /// <summary>The officer changes a field; the page keeps the draft and renders the panel with it.</summary>
    private void Change(IRenderedComponent<CompletionPanel> cut, string field, string value)
    {
        var element = cut.Find($"[data-test={field}]");
        if (element.TagName == "SELECT")
        {
            element.Change(value);
        }
        else
        {
            element.Input(value); // the text fields keep what is typed as it is typed (Enter may complete at once)
        }

        cut.Render(p => p.Add(c => c.Value, _draft));
    }

    [Fact]
    public void Complete_waits_for_an_outcome_and_a_topic_then_raises_what_was_chosen()
    {
        var cut = Panel();
        Assert.True(cut.Find("[data-test=complete]").HasAttribute("disabled"));
        cut.Find("[data-test=complete]").Click(); // what a forged click would send: refused all the same
        Change(cut, "outcome", "consulted");
        Assert.Equal(new CompletionDraft("consulted", "", "", ""), _draft);
        Assert.True(cut.Find("[data-test=complete]").HasAttribute("disabled"));
        cut.Find("[data-test=complete]").Click();
        Assert.Empty(_completed);

        Change(cut, "topic", "energy");
        Change(cut, "note", "жарық жоқ");
        Assert.False(cut.Find("[data-test=complete]").HasAttribute("disabled"));
        cut.Find("[data-test=complete]").Click();

        Assert.Equal([new CompletionDraft("consulted", "energy", "", "жарық жоқ")], _completed);
    }

    [Fact]
    public void Only_a_housing_matter_asks_for_its_KSK()
    {
        var cut = Panel();
        Change(cut, "outcome", "resolved");
        Change(cut, "topic", "energy");
        Assert.Empty(cut.FindAll("[data-test=ksk]"));

        Change(cut, "topic", "housing");
        Change(cut, "ksk", "КСК «Самал»");
        Assert.Equal("200", cut.Find("[data-test=ksk]").GetAttribute("maxlength"));
        cut.Find("[data-test=complete]").Click();

        Assert.Equal("КСК «Самал»", Assert.Single(_completed).Ksk);
        Assert.True(_completed[0].AsksKsk);
    }

    [Fact]
    public void Cancel_closes_without_completing_and_the_outcomes_and_topics_are_offered_after_a_blank()
    {
        var cut = Panel();
        cut.Find("[data-test=complete-panel] button:not([data-test])").Click();
        Assert.Equal(1, _cancelled);
        Assert.Empty(_completed);

        Assert.Equal(["", "resolved", "consulted", "appeal-registered", "redirected", "other"],
            cut.FindAll("[data-test=outcome] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["", "energy", "housing", "transport", "landscaping", "other"],
            cut.FindAll("[data-test=topic] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Дана консультация", cut.Find("[data-test=outcome] option[value=consulted]").TextContent);
    }
}
