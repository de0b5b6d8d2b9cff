using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Kiosk;
using OpenAlmaty.FrontOffice.Kiosk.Components;

namespace OpenAlmaty.FrontOffice.Components.Tests.Kiosk;

/// <summary>The idle watch on a fake clock: every touch counts, the question comes before the return, and the next visitor finds the kiosk's own language.</summary>
public class KioskIdleTests : BunitContext
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(45);
    private readonly FakeKioskBackend _backend = new();
    private readonly FakeTimeProvider _clock = new();

    public KioskIdleTests()
    {
        Services.AddSingleton<IKioskBackend>(_backend);
        Services.AddSingleton<TimeProvider>(_clock);
    }

    private IRenderedComponent<KioskScreen> Kiosk(VisitorLanguage language = VisitorLanguage.Kk) =>
        Render<KioskScreen>(p => p.Add(k => k.IdleTimeout, Quiet).Add(k => k.DefaultLanguage, language));

    private static string Step(IRenderedComponent<KioskScreen> cut) => cut.Find("[data-test=kiosk]").GetAttribute("data-step")!;

    private void TakeTicket(IRenderedComponent<KioskScreen> cut)
    {
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        cut.WaitForElement("[data-test=number]");
    }

    [Fact]
    public void An_untouched_screen_asks_are_you_still_there_with_a_countdown_and_then_returns_to_the_start_in_kazakh()
    {
        var cut = Kiosk();
        cut.Find("[data-test=lang-ru]").Click();
        TakeTicket(cut);

        _clock.Advance(Quiet - TimeSpan.FromSeconds(1));
        Assert.Empty(cut.FindAll("[data-test=still-there]"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        var question = cut.WaitForElement("[data-test=still-there]");
        Assert.Contains("Вы ещё здесь?", question.TextContent, StringComparison.Ordinal);
        Assert.Contains("Сіз әлі осындасыз ба?", question.TextContent, StringComparison.Ordinal);
        Assert.Contains("Are you still there?", question.TextContent, StringComparison.Ordinal);
        Assert.Equal("19", cut.Find("[data-test=seconds-left]").TextContent);
        Assert.Equal("Result", Step(cut));

        _clock.Advance(TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.Equal("14", cut.Find("[data-test=seconds-left]").TextContent));

        _clock.Advance(TimeSpan.FromSeconds(15));
        cut.WaitForAssertion(() => Assert.Equal("Start", Step(cut)));
        Assert.Equal("kk", cut.Find("[data-test=kiosk]").GetAttribute("lang"));
        Assert.Empty(cut.FindAll("[data-test=still-there]"));
    }

    [Fact]
    public void Answering_the_question_keeps_the_screen_and_the_language()
    {
        var cut = Kiosk();
        cut.Find("[data-test=lang-ru]").Click();
        cut.Find("[data-test=kind-agency]").Click();
        _clock.Advance(Quiet + TimeSpan.FromSeconds(3));
        cut.WaitForElement("[data-test=still-there]");

        cut.Find("[data-test=still-here]").Click();
        Assert.Empty(cut.FindAll("[data-test=still-there]"));
        Assert.Equal(("Agencies", "ru"), (Step(cut), cut.Find("[data-test=kiosk]").GetAttribute("lang")));

        // The quiet time starts again from the answer: the whole of it, not what was left.
        _clock.Advance(Quiet - TimeSpan.FromSeconds(1));
        Assert.Empty(cut.FindAll("[data-test=still-there]"));
        Assert.Equal("Agencies", Step(cut));
    }

    [Theory]
    [InlineData("onpointerdown")]
    [InlineData("onwheel")]
    [InlineData("onscroll")]
    [InlineData("onkeydown")]
    public void Every_touch_scroll_and_key_counts_as_someone_there(string gesture)
    {
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(Quiet - TimeSpan.FromSeconds(5));
            // A scroll or a touch on no button at all, as a visitor reading the list makes.
            cut.Find("[data-test=kiosk]").TriggerEvent(gesture, gesture switch
            {
                "onwheel" => new WheelEventArgs(),
                "onkeydown" => new KeyboardEventArgs(),
                "onscroll" => EventArgs.Empty,
                _ => new PointerEventArgs(),
            });
        }

        Assert.Empty(cut.FindAll("[data-test=still-there]"));
        Assert.Equal("Agencies", Step(cut));
    }

    [Fact]
    public void A_ticket_that_did_not_print_stays_on_the_screen_two_minutes_before_the_question()
    {
        _backend.PrintStatus = "paper-out";
        var cut = Kiosk();
        TakeTicket(cut);

        _clock.Advance(KioskScreen.UnprintedTicketTime - TimeSpan.FromSeconds(1));
        Assert.Empty(cut.FindAll("[data-test=still-there]"));
        Assert.NotEmpty(cut.FindAll("[data-test=no-print]"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        cut.WaitForElement("[data-test=still-there]");
        Assert.Equal("Result", Step(cut));
        _clock.Advance(IdleWatch.AskFor);
        cut.WaitForAssertion(() => Assert.Equal("Start", Step(cut)));
    }

    [Fact]
    public void A_language_chosen_on_the_start_screen_goes_back_to_the_kiosks_own_for_the_next_visitor()
    {
        var cut = Kiosk(VisitorLanguage.Ru);
        Assert.Equal("ru", cut.Find("[data-test=kiosk]").GetAttribute("lang"));
        cut.Find("[data-test=lang-en]").Click();
        Assert.Equal("State bodies", cut.Find("[data-test=kind-agency] span").TextContent);

        _clock.Advance(Quiet + IdleWatch.AskFor + TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("ru", cut.Find("[data-test=kiosk]").GetAttribute("lang")));
        Assert.Equal("Государственные органы", cut.Find("[data-test=kind-agency] span").TextContent);
    }

    [Fact]
    public void The_start_screen_in_the_kiosks_own_language_is_left_alone()
    {
        var cut = Kiosk();
        cut.Find("[data-test=kiosk]").TriggerEvent("onpointerdown", new PointerEventArgs());
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(cut.FindAll("[data-test=still-there]"));
        Assert.Equal("Start", Step(cut));
    }

    [Fact]
    public void The_watch_asks_after_the_quiet_time_and_gives_up_after_the_countdown()
    {
        var clock = new FakeTimeProvider();
        var (changes, expired) = (0, 0);
        using var watch = new IdleWatch(clock, a => { a(); return Task.CompletedTask; }, () => changes++, () => expired++);
        watch.Touch(TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(watch.Asking);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(watch.Asking);
        Assert.Equal(20, watch.SecondsLeft);

        watch.Touch(TimeSpan.FromSeconds(10));
        Assert.False(watch.Asking);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal((true, 1, 0), (watch.Asking, watch.SecondsLeft, expired));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((false, false, 1), (watch.Asking, watch.Running, expired));
        Assert.True(changes > 0);
    }
}
