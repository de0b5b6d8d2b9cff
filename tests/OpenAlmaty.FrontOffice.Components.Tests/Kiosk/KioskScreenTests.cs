using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Kiosk;
using OpenAlmaty.FrontOffice.Kiosk.Components;

namespace OpenAlmaty.FrontOffice.Components.Tests.Kiosk;

public class KioskScreenTests : BunitContext
{
    private readonly FakeKioskBackend _backend = new();
    private readonly FakeTimeProvider _clock = new();

    public KioskScreenTests()
    {
        Services.AddSingleton<IKioskBackend>(_backend);
        Services.AddSingleton<TimeProvider>(_clock);
    }

    private IRenderedComponent<KioskScreen> Kiosk(TimeSpan? idle = null) =>
        Render<KioskScreen>(p => p.Add(k => k.IdleTimeout, idle ?? TimeSpan.FromMinutes(5)));

    [Fact]
    public void Starts_in_kazakh_with_kazakh_first_among_the_languages()
    {
        var cut = Kiosk();
        Assert.Equal("kk", cut.Find("[data-test=kiosk]").GetAttribute("lang"));
        Assert.Equal(["Қазақша", "Русский", "English"], cut.FindAll(".lang").Select(b => b.TextContent));
        Assert.Equal("Мемлекеттік органдар", cut.Find("[data-test=kind-agency]").TextContent);
    }

    [Theory]
    [InlineData("ru", "Государственные органы", "Акиматы районов")]
    [InlineData("en", "State bodies", "District akimats")]
    public void The_language_switch_changes_every_word(string language, string agencies, string districts)
    {
        var cut = Kiosk();
        cut.Find($"[data-test=lang-{language}]").Click();
        Assert.Equal(language, cut.Find("[data-test=kiosk]").GetAttribute("lang"));
        Assert.Equal(agencies, cut.Find("[data-test=kind-agency]").TextContent);
        Assert.Equal(districts, cut.Find("[data-test=kind-district]").TextContent);
        Assert.Equal("true", cut.Find($"[data-test=lang-{language}]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Every_text_exists_in_three_languages()
    {
        foreach (var key in KioskTexts.Keys)
        {
            foreach (var language in Enum.GetValues<VisitorLanguage>())
            {
                Assert.NotNull(KioskTexts.Get(key, language));
            }
        }
    }

    [Fact]
    public void Agencies_screen_lists_by_kind_and_shows_hours_for_a_closed_service()
    {
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        Assert.NotEmpty(cut.FindAll("[data-test=service-energy]"));
        Assert.Empty(cut.FindAll("[data-test=service-water]"));
        Assert.Contains("Жабық. Жұмыс уақыты: Дс–Жм 09:00–18:00", cut.Find("[data-test=closed-water]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-test=service-district-medeu]"));
    }

    [Fact]
    public void A_roster_change_shows_on_the_screen_the_visitor_is_looking_at()
    {
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        Assert.Contains("Энергетика және сумен жабдықтау басқармасы", cut.Find("[data-test=service-energy]").TextContent, StringComparison.Ordinal);

        _backend.EnergyNameKk = "Энергетика басқармасы";
        _backend.ChangeRoster();
        cut.WaitForAssertion(() => Assert.Contains("Энергетика басқармасы", cut.Find("[data-test=service-energy]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("сумен жабдықтау", cut.Find("[data-test=service-energy]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_finds_agencies_of_every_kind()
    {
        var cut = Kiosk();
        cut.Find("[data-test=topic-housing]").Click();
        Assert.NotEmpty(cut.FindAll("[data-test=service-district-medeu]"));
        Assert.Empty(cut.FindAll("[data-test=service-energy]"));
    }

    [Fact]
    public void Taking_a_ticket_shows_number_agency_people_ahead_wait_and_qr()
    {
        var cut = Kiosk();
        cut.Find("[data-test=lang-ru]").Click();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        Assert.Contains("Сотрудник проверит", cut.Markup, StringComparison.Ordinal);
        cut.Find("[data-test=priority-elderly]").Click();

        cut.WaitForElement("[data-test=number]");
        Assert.Equal("P-001", cut.Find("[data-test=number]").TextContent);
        Assert.Contains("Управление энергетики и водоснабжения", cut.Find("[data-test=agency]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Перед вами: 4 чел.", cut.Find("[data-test=ahead]").TextContent);
        Assert.Equal("Ожидание: 20–45 мин", cut.Find("[data-test=wait]").TextContent);
        Assert.NotNull(cut.Find("[data-test=qr] svg[data-qr=yes]"));
        Assert.Empty(cut.FindAll("[data-test=no-print]"));
        Assert.Equal((FakeKioskBackend.Energy.Id, VisitorLanguage.Ru, TicketPriority.Elderly), (_backend.Issued[0].ServiceId, _backend.Issued[0].Language, _backend.Issued[0].Priority));
    }

    [Fact]
    public void A_second_tap_while_issuing_makes_no_second_ticket()
    {
        _backend.Hold = new TaskCompletionSource();
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        Assert.True(cut.Find("[data-test=priority-none]").HasAttribute("disabled"));
        _backend.Hold.SetResult();
        cut.WaitForElement("[data-test=number]");
        Assert.Single(_backend.Issued);
    }

    [Fact]
    public void A_refused_ticket_shows_a_message_and_asked_only_once()
    {
        _backend.RefuseWith = "urn:openalmaty:frontoffice:server-error";
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        cut.WaitForElement("[data-test=message]");
        Assert.Single(_backend.Issued);
    }

    [Fact]
    public void A_paper_fault_tells_the_visitor_to_photograph_or_scan_in_both_languages()
    {
        _backend.PrintStatus = "paper-out";
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        var warning = cut.WaitForElement("[data-test=no-print]").TextContent;
        Assert.Contains("суретке түсіріңіз", warning, StringComparison.Ordinal);
        Assert.Contains("Сфотографируйте", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_closed_between_screen_and_tap_says_so_with_the_hours()
    {
        _backend.RefuseWith = ProblemTypes.ServiceClosed;
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        var message = cut.WaitForElement("[data-test=message]").TextContent;
        Assert.Contains("жаңа ғана жабылды", message, StringComparison.Ordinal);
        Assert.Contains("Дс–Жм 09:00–18:00", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resident_types_the_booking_code_on_the_keypad_and_gets_the_reception_ticket()
    {
        _backend.Bookings["K7MPQ2XA"] = null;
        var cut = Kiosk();
        cut.Find("[data-test=booking]").Click();
        Assert.Equal("Жазылу кодын енгізіңіз (8 таңба)", cut.Find("h1").TextContent);
        Assert.Empty(cut.FindAll("[data-test=key-0]")); // no look-alikes on the keypad
        Assert.Empty(cut.FindAll("[data-test=key-O]"));
        foreach (var key in "K7MPQ2XZ")
        {
            cut.Find($"[data-test=key-{key}]").Click();
        }

        Assert.True(cut.Find("[data-test=key-A]").HasAttribute("disabled"), "eight characters fill the code");
        cut.Find("[data-test=key-erase]").Click();
        cut.Find("[data-test=key-A]").Click();
        Assert.Equal("K7MPQ2XA", cut.Find("[data-test=code]").TextContent);
        cut.Find("[data-test=check-in]").Click();
        Assert.Equal("R-001", cut.WaitForElement("[data-test=number]").TextContent);
        Assert.NotNull(cut.Find("[data-test=qr] svg"));
    }

    [Theory]
    [InlineData("NQSUCH22", null, "Мұндай жазылу коды жоқ")]
    [InlineData("TMRW2345", ProblemTypes.SessionUnavailable, "бүгінге емес")]
    [InlineData("USED2345", ProblemTypes.BookingWrongState, "талон алынған")]
    public void A_wrong_code_says_why_in_the_visitors_language(string code, string? problem, string kazakh)
    {
        if (problem is not null)
        {
            _backend.Bookings[code] = problem;
        }

        var cut = Kiosk();
        cut.Find("[data-test=booking]").Click();
        Assert.True(cut.Find("[data-test=check-in]").HasAttribute("disabled"));
        foreach (var key in code)
        {
            cut.Find($"[data-test=key-{key}]").Click();
        }

        cut.Find("[data-test=check-in]").Click();
        Assert.Contains(kazakh, cut.WaitForElement("[data-test=message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agency_with_several_services_asks_which_and_back_returns_to_it()
    {
        var cut = Kiosk();
        cut.Find("[data-test=kind-mediator]").Click();
        cut.Find("[data-test=agency-mediators]").Click();
        Assert.Equal("Services", cut.Find("[data-test=kiosk]").GetAttribute("data-step"));
        Assert.Contains("Отбасылық даулар", cut.Find("[data-test=service-family-mediation]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-test=service-family-mediation]").Click();
        cut.Find("[data-test=back]").Click();
        Assert.Equal("Services", cut.Find("[data-test=kiosk]").GetAttribute("data-step"));
    }

    [Fact]
    public void An_agency_with_one_service_goes_straight_to_the_queue()
    {
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        Assert.Equal("Priority", cut.Find("[data-test=kiosk]").GetAttribute("data-step"));
        Assert.Equal("Энергетика және сумен жабдықтау басқармасы · Қабылдау", cut.Find("[data-test=chosen]").TextContent);
        cut.Find("[data-test=back]").Click();
        Assert.Equal("Agencies", cut.Find("[data-test=kiosk]").GetAttribute("data-step"));
    }

    [Theory]
    [InlineData(true, "Печатаем талон…")]
    [InlineData(false, "Выдаём талон…")]
    public void Printing_is_promised_only_by_a_kiosk_with_a_printer(bool hasPrinter, string said)
    {
        _backend.Setup = new KioskSetup(hasPrinter, Training: false);
        _backend.Hold = new TaskCompletionSource();
        var cut = Kiosk();
        cut.Find("[data-test=lang-ru]").Click();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        Assert.Equal(said, cut.Find(".issuing").TextContent);
        _backend.Hold.SetResult();
    }

    [Fact]
    public void A_printer_out_of_paper_is_said_on_the_start_screen_in_the_visitors_language_and_no_paper_is_promised_until_it_prints()
    {
        _backend.Setup = new KioskSetup(HasPrinter: true, Training: false);
        _backend.Hold = new TaskCompletionSource();
        var cut = Kiosk();
        Assert.Empty(cut.FindAll("[data-test=printer-down]"));

        cut.InvokeAsync(() => _backend.PrinterChanged("paper-out"));
        cut.WaitForAssertion(() => Assert.StartsWith("Принтер қазір баспайды", cut.Find("[data-test=printer-down]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-test=lang-ru]").Click();
        Assert.StartsWith("Принтер сейчас не печатает", cut.Find("[data-test=printer-down]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-test=kind-agency]").Click();
        Assert.Empty(cut.FindAll("[data-test=printer-down]")); // said where the visitor begins, not over every step
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        Assert.Equal("Выдаём талон…", cut.Find(".issuing").TextContent);
        _backend.Hold.SetResult();

        cut.InvokeAsync(() => _backend.PrinterChanged(null));
        cut.WaitForElement("[data-test=done]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=printer-down]")));
    }

    [Fact]
    public void In_training_mode_every_screen_and_the_ticket_say_so()
    {
        _backend.Setup = new KioskSetup(HasPrinter: true, Training: true);
        _backend.TrainingTickets = true;
        var cut = Kiosk();
        Assert.Contains("ОҚУ РЕЖИМІ", cut.Find("[data-test=training]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        Assert.Contains("Оқу талоны", cut.WaitForElement("[data-test=training-ticket]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-test=training]"));
    }

    [Fact]
    public void A_real_hall_shows_no_training_mark()
    {
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        cut.Find("[data-test=priority-none]").Click();
        cut.WaitForElement("[data-test=number]");
        Assert.Empty(cut.FindAll("[data-test=training]"));
        Assert.Empty(cut.FindAll("[data-test=training-ticket]"));
    }

    [Fact]
    public void The_start_screen_has_the_languages_and_what_the_kiosk_does_below_and_other_screens_have_them_on_top()
    {
        var cut = Kiosk();
        Assert.Contains("below", cut.Find("[data-test=languages]").ClassList);
        Assert.Contains("Нөміріңіз экранда шыққанда", cut.Find("[data-test=how]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-test=kind-agency]").Click();
        Assert.DoesNotContain("below", cut.Find("[data-test=languages]").ClassList);
    }

    [Fact]
    public void The_wheelchair_layout_keeps_the_languages_below_on_every_screen()
    {
        var cut = Render<KioskScreen>(p => p.Add(k => k.Assisted, true));
        cut.Find("[data-test=kind-agency]").Click();
        Assert.Contains("below", cut.Find("[data-test=languages]").ClassList);
    }

    [Fact]
    public void A_kiosk_revoked_while_open_offers_nothing_and_reloads_into_the_not_enrolled_page()
    {
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        var navigation = (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

        _backend.Revoke(noticed: true);
        cut.WaitForAssertion(() => Assert.Equal("NotEnrolled", cut.Find("[data-test=kiosk]").GetAttribute("data-step")));
        Assert.Empty(cut.FindAll("button"));
        Assert.True(Assert.Single(navigation.History).Options.ForceLoad);
        Assert.Empty(_backend.Issued);
    }

    [Fact]
    public void A_tap_on_a_kiosk_revoked_a_moment_ago_is_refused_and_the_kiosk_reloads()
    {
        var cut = Kiosk();
        cut.Find("[data-test=kind-agency]").Click();
        cut.Find("[data-test=service-energy]").Click();
        var navigation = (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

        _backend.Revoke(noticed: false);
        cut.Find("[data-test=priority-none]").Click();
        cut.WaitForAssertion(() => Assert.Equal("NotEnrolled", cut.Find("[data-test=kiosk]").GetAttribute("data-step")));
        Assert.Empty(cut.FindAll("[data-test=number]"));
        Assert.Empty(cut.FindAll("[data-test=message]"));
        Assert.True(Assert.Single(navigation.History).Options.ForceLoad);
        Assert.Empty(_backend.Issued);
    }
}
