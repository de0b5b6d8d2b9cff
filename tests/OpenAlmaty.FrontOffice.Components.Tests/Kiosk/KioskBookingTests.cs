using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Kiosk;
using OpenAlmaty.FrontOffice.Kiosk.Components;

namespace OpenAlmaty.FrontOffice.Components.Tests.Kiosk;

/// <summary>"Book a personal reception" at the kiosk, every key by touch.</summary>
public class KioskBookingTests : BunitContext
{
    private const string ValidIin = "900101113750"; // decided by the second weight set
    private readonly FakeKioskBackend _backend = new();
    private readonly FakeTimeProvider _clock = new();

    public KioskBookingTests()
    {
        Services.AddSingleton<IKioskBackend>(_backend);
        Services.AddSingleton<TimeProvider>(_clock);
    }

    private IRenderedComponent<KioskScreen> Kiosk() => Render<KioskScreen>(p => p.Add(k => k.IdleTimeout, TimeSpan.FromSeconds(45)));

    private static void Press(IRenderedComponent<KioskScreen> cut, string keys)
    {
        foreach (var key in keys)
        {
            cut.Find(key == ' ' ? "[data-test=key-space]" : $"[data-test='key-{char.ToUpperInvariant(key)}']").Click();
        }
    }

    /// <summary>From the start screen to the confirmation, on the first session's 10:20.</summary>
    private static void FillIn(IRenderedComponent<KioskScreen> cut, string slot = "1020")
    {
        cut.Find("[data-test=reception]").Click();
        cut.Find("[data-test='session-0193a000-0000-7000-8000-000000000001']").Click();
        cut.Find($"[data-test=slot-{slot}]").Click();
        Press(cut, ValidIin);
        cut.Find("[data-test=next]").Click();
        Press(cut, "әлия нұрова");
        cut.Find("[data-test=next]").Click();
        Press(cut, "7011234567");
        cut.Find("[data-test=next]").Click();
        cut.Find("[data-test=matter-topic-housing]").Click();
        Press(cut, "кск не чинит крышу");
        cut.Find("[data-test=next]").Click();
    }

    [Fact]
    public void Sessions_show_the_deputy_the_district_the_day_and_free_places_or_the_waiting_list()
    {
        var cut = Kiosk();
        cut.Find("[data-test=reception]").Click();
        var sessions = cut.FindAll(".session");
        Assert.Equal(2, sessions.Count);
        Assert.Contains("Айгүл Сәрсенова", sessions[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Медеу ауданының әкімдігі", sessions[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Сәрсенбі, 02.12.2026 · 10:00–11:00", sessions[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Бос орын: 2", sessions[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Күту тізімі: 2", sessions[1].TextContent, StringComparison.Ordinal);

        sessions[0].Click();
        Assert.True(cut.Find("[data-test=slot-1040]").HasAttribute("disabled"), "a taken time cannot be chosen");
        Assert.False(cut.Find("[data-test=slot-1020]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_resident_books_by_touch_and_gets_the_code_qr_and_time()
    {
        var cut = Kiosk();
        FillIn(cut);

        var summary = cut.Find("[data-test=summary]").TextContent;
        Assert.Contains("Әлия Нұрова", summary, StringComparison.Ordinal);   // each word capitalized, Kazakh letters kept
        Assert.Contains("+7 701 123 45 67", summary, StringComparison.Ordinal);
        Assert.Contains("Кск не чинит крышу", summary, StringComparison.Ordinal); // a sentence: only its first letter capital
        Assert.DoesNotContain(ValidIin, summary, StringComparison.Ordinal);   // the IIN is not repeated on screen

        cut.Find("[data-test=book]").Click();
        var request = Assert.Single(_backend.BookRequests);
        Assert.Equal(new BookReceptionRequest(_backend.Sessions[0].Id, "10:20", ValidIin, "Әлия Нұрова", "+77011234567", "housing", "Кск не чинит крышу"), request);
        Assert.Equal("K7MPQ2XA", cut.Find("[data-test=booked-code]").TextContent);
        Assert.Contains("02.12.2026 10:20", cut.Find("[data-test=booked-when]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-test=qr] svg[data-qr=booking]"));
        Assert.Empty(cut.FindAll("[data-test=no-print]"));
    }

    [Fact]
    public void A_wrong_check_digit_is_caught_on_the_keypad_before_going_on()
    {
        var cut = Kiosk();
        cut.Find("[data-test=reception]").Click();
        cut.Find("[data-test='session-0193a000-0000-7000-8000-000000000001']").Click();
        cut.Find("[data-test=slot-1000]").Click();
        Press(cut, "900101113751");
        Assert.Equal("ЖСН қате. Сандарды тексеріңіз.", cut.Find("[data-test=iin-bad]").TextContent);
        Assert.True(cut.Find("[data-test=next]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-test=key-0]").HasAttribute("disabled"), "twelve digits fill the IIN");

        cut.Find("[data-test=key-erase]").Click();
        Press(cut, "0");
        Assert.Empty(cut.FindAll("[data-test=iin-bad]"));
        Assert.False(cut.Find("[data-test=next]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_full_session_offers_the_waiting_list_and_the_slip_says_the_place_on_it()
    {
        var cut = Kiosk();
        cut.Find("[data-test=lang-ru]").Click();
        cut.Find("[data-test=reception]").Click();
        cut.Find("[data-test='session-0193a000-0000-7000-8000-000000000002']").Click();
        Assert.Empty(cut.FindAll("[data-test=slots]"));
        Assert.Contains("лист ожидания", cut.Find("[data-test=full]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-test=join-waiting]").Click();
        Press(cut, ValidIin);
        cut.Find("[data-test=next]").Click();
        Assert.Equal("true", cut.Find("[data-test=letters-russian]").GetAttribute("aria-checked")); // Russian screen, Russian letters
        Press(cut, "иванов иван");
        cut.Find("[data-test=next]").Click();
        Press(cut, "7771234567");
        cut.Find("[data-test=next]").Click();
        cut.Find("[data-test=matter-topic-transport]").Click();
        Press(cut, "нет автобуса");
        cut.Find("[data-test=next]").Click();
        Assert.Contains("Лист ожидания", cut.Find("[data-test=summary]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-test=book]").Click();

        Assert.Equal("15:00", Assert.Single(_backend.BookRequests).SlotStart); // any slot of a full session: the waiting list
        Assert.Equal("Вы в листе ожидания, ваш номер: 3", cut.FindAll(".label")[0].TextContent);
    }

    [Fact]
    public void A_slot_taken_between_screen_and_tap_goes_back_to_the_times_keeping_what_was_typed()
    {
        _backend.RefuseBookingsWith.Enqueue(ProblemTypes.SlotTaken);
        var cut = Kiosk();
        FillIn(cut);
        _backend.Sessions[0] = _backend.Sessions[0] with { Slots = [new SlotDto("10:00", 1), new SlotDto("10:20", 0), new SlotDto("10:40", 0)] };
        cut.Find("[data-test=book]").Click();

        Assert.Contains("жаңа ғана", cut.Find("[data-test=notice]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-test=slot-1020]").HasAttribute("disabled"), "the times are read again");
        cut.Find("[data-test=slot-1000]").Click();
        Assert.Equal(ValidIin, cut.Find("[data-test=iin-value]").TextContent);
        cut.Find("[data-test=next]").Click();
        Assert.StartsWith("Әлия Нұрова", cut.Find("[data-test=name-value]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-test=next]").Click();
        cut.Find("[data-test=next]").Click();
        cut.Find("[data-test=next]").Click();
        cut.Find("[data-test=book]").Click();

        Assert.Equal(["10:20", "10:00"], _backend.BookRequests.Select(r => r.SlotStart));
        Assert.Equal("K7MPQ2XA", cut.Find("[data-test=booked-code]").TextContent);
    }

    [Theory]
    [InlineData(ProblemTypes.BookingLimit, "Бір аптада бір жазылу")]
    [InlineData(ProblemTypes.SessionUnavailable, "басталып кетті")]
    public void A_refused_booking_says_why_in_the_visitors_language(string problem, string kazakh)
    {
        _backend.RefuseBookingsWith.Enqueue(problem);
        var cut = Kiosk();
        FillIn(cut);
        cut.Find("[data-test=book]").Click();
        Assert.Contains(kazakh, cut.Find("[data-test=message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void What_was_typed_is_forgotten_when_the_kiosk_goes_idle()
    {
        var cut = Kiosk();
        FillIn(cut);
        _clock.Advance(TimeSpan.FromSeconds(46));
        cut.WaitForElement("[data-test=still-there]");
        _clock.Advance(IdleWatch.AskFor);
        cut.WaitForAssertion(() => Assert.Equal("Start", cut.Find("[data-test=kiosk]").GetAttribute("data-step")));

        cut.Find("[data-test=reception]").Click();
        cut.Find("[data-test='session-0193a000-0000-7000-8000-000000000001']").Click();
        cut.Find("[data-test=slot-1000]").Click();
        Assert.Equal(new string('·', 12), cut.Find("[data-test=iin-value]").TextContent);
    }

    [Fact]
    public void A_slip_that_did_not_print_says_so_in_both_languages()
    {
        _backend.PrintStatus = "paper-out";
        var cut = Kiosk();
        FillIn(cut);
        cut.Find("[data-test=book]").Click();
        var warning = cut.Find("[data-test=no-print]").TextContent;
        Assert.Contains("Чек басылмады", warning, StringComparison.Ordinal);
        Assert.Contains("Чек не напечатан", warning, StringComparison.Ordinal);
    }
}
