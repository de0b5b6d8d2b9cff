using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Kiosk;
using OpenAlmaty.FrontOffice.Kiosk.Components;

namespace OpenAlmaty.FrontOffice.Components.Tests.Kiosk;

public class TicketStatusPageTests : BunitContext
{
    private sealed class Source : ITicketStatus
    {
        public PublicTicketDto? Ticket { get; set; }

        public Task<PublicTicketDto?> GetAsync(string publicId, CancellationToken ct) => Task.FromResult(publicId == "pub" ? Ticket : null);

        public List<(int Stars, string? Comment)> Ratings { get; } = [];

        public Task<string?> RateAsync(string publicId, int stars, string? comment, CancellationToken ct)
        {
            Ratings.Add((stars, comment));
            Ticket = Ticket! with { Rating = stars };
            return Task.FromResult<string?>(null);
        }
    }

    private readonly Source _source = new();
    private readonly FakeTimeProvider _clock = new();

    public TicketStatusPageTests()
    {
        Services.AddSingleton<ITicketStatus>(_source);
        Services.AddSingleton<TimeProvider>(_clock);
    }

    private static PublicTicketDto Waiting(int position) => new("P-007", "Waiting", 13, "Қабылдау", "Приём", "Reception",
        position, position - 1, new WaitRangeDto(10, 25), null, null, "Әкімдік", "Акимат", "Akimat");

    private IRenderedComponent<TicketStatusPage> Open() => Render<TicketStatusPage>(p => p.Add(x => x.PublicId, "pub"));

    private static string Sentence(IRenderedComponent<TicketStatusPage> cut) => cut.Find("[data-test=sentence]").TextContent;

    [Fact]
    public void Speaks_the_tickets_language_one_at_a_time_then_shows_the_desk_when_called()
    {
        _source.Ticket = Waiting(3) with { Language = "ru" };
        var cut = Open();
        Assert.Equal("P-007", cut.Find("[data-test=number]").TextContent);
        Assert.Equal("ru", cut.Find("[data-test=status]").GetAttribute("lang"));
        Assert.Equal("Ваше место в очереди: 3", cut.Find("[data-test=position]").TextContent);
        Assert.Equal("Ожидание: 10–25 мин", cut.Find("[data-test=wait]").TextContent);
        Assert.DoesNotContain("Кезектегі", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Акимат · Приём", cut.Find("[data-test=agency]").TextContent, StringComparison.Ordinal);

        _source.Ticket = _source.Ticket with { State = "Called", Position = null, DeskNumber = "7" };
        _clock.Advance(TicketStatusPage.Refresh);
        cut.WaitForAssertion(() => Assert.Equal("Вас вызывают! Пройдите к окну 7.", cut.Find("[data-test=desk]").TextContent));
    }

    [Fact]
    public void A_ticket_without_a_language_is_read_in_kazakh()
    {
        _source.Ticket = Waiting(3);
        var cut = Open();
        Assert.Equal("Кезектегі орныңыз: 3", cut.Find("[data-test=position]").TextContent);
        Assert.Equal("Күту: 10–25 мин", cut.Find("[data-test=wait]").TextContent);
    }

    [Fact]
    public void The_switch_shows_kk_ru_and_en_marks_the_current_one_and_changes_the_language()
    {
        _source.Ticket = Waiting(2) with { Language = "kk" };
        var cut = Open();
        var links = cut.FindAll("[data-test=languages] a");
        Assert.Equal(["Қазақша", "Русский", "English"], links.Select(a => a.TextContent));
        Assert.Equal(["t/pub?lang=kk", "t/pub?lang=ru", "t/pub?lang=en"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("true", cut.Find("[data-test=lang-kk]").GetAttribute("aria-current"));
        Assert.Null(cut.Find("[data-test=lang-en]").GetAttribute("aria-current"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/t/pub?lang=en");
        cut.WaitForAssertion(() => Assert.Equal("Your place in the queue: 2", cut.Find("[data-test=position]").TextContent));
        Assert.Equal("Wait: 10–25 min", cut.Find("[data-test=wait]").TextContent);
        Assert.Contains("Akimat · Reception", cut.Find("[data-test=agency]").TextContent, StringComparison.Ordinal);
        Assert.Equal("en", cut.Find("[data-test=status]").GetAttribute("lang"));
        Assert.Equal("true", cut.Find("[data-test=lang-en]").GetAttribute("aria-current"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/t/pub?lang=ru");
        cut.WaitForAssertion(() => Assert.Equal("Ваше место в очереди: 2", cut.Find("[data-test=position]").TextContent));
    }

    [Theory]
    [InlineData("kk", "Called", "Сізді шақырып жатыр! 7-терезеге өтіңіз.")]
    [InlineData("ru", "Called", "Вас вызывают! Пройдите к окну 7.")]
    [InlineData("en", "Called", "You are called! Please go to window 7.")]
    [InlineData("kk", "Serving", "Сізге 7-терезеде қызмет көрсетілуде.")]
    [InlineData("ru", "Serving", "Вас обслуживают в окне 7.")]
    [InlineData("en", "Serving", "You are being served at window 7.")]
    [InlineData("kk", "Parked", "Қабылдау уақытша тоқтатылды. Жақын жерде күтіңіз: қызметкер сізді қайта шақырады.")]
    [InlineData("ru", "Parked", "Приём приостановлен. Подождите рядом: сотрудник вызовет вас снова.")]
    [InlineData("en", "Parked", "Your visit is on hold. Please wait nearby: the officer will call you again.")]
    [InlineData("kk", "Completed", "Қабылдау аяқталды. Рахмет!")]
    [InlineData("ru", "Completed", "Приём завершён. Спасибо!")]
    [InlineData("en", "Completed", "Your visit is over. Thank you!")]
    [InlineData("kk", "Cancelled", "Талон жойылды.")]
    [InlineData("ru", "Cancelled", "Талон отменён.")]
    [InlineData("en", "Cancelled", "This ticket was cancelled.")]
    [InlineData("kk", "NoShow", "Сізді шақырды, бірақ сіз келмедіңіз.")]
    [InlineData("ru", "NoShow", "Вас вызывали, но вы не подошли.")]
    [InlineData("en", "NoShow", "You were called but did not come.")]
    [InlineData("kk", "Waiting", "Кезегіңізді күтіңіз: шақырылғанда осы бет хабарлайды.")]
    [InlineData("ru", "Waiting", "Ожидайте своей очереди: когда вас вызовут, эта страница покажет окно.")]
    [InlineData("en", "Waiting", "Please wait for your turn: this page shows your window when you are called.")]
    public void Each_state_is_a_sentence_in_the_visitors_language_never_the_enum_name(string language, string state, string sentence)
    {
        _source.Ticket = Waiting(1) with
        {
            Language = language, State = state, Position = state == "Waiting" ? 1 : null,
            DeskNumber = state is "Called" or "Serving" ? "7" : null,
        };
        var cut = Open();
        Assert.Contains(sentence, Sentence(cut), StringComparison.Ordinal);
        Assert.Equal(state, cut.Find("[data-test=status]").GetAttribute("data-state"));
        Assert.DoesNotContain(state, cut.Find("[data-test=status]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kk", "Сізді басқа қызметке жіберді, кезегіңіз сақталды.")]
    [InlineData("ru", "Вас направили в другую службу, ваша очередь сохранена.")]
    [InlineData("en", "You were sent on to another service; your place is kept.")]
    public void A_transferred_ticket_says_it_was_sent_on_and_keeps_its_place(string language, string sentence)
    {
        _source.Ticket = Waiting(4) with { Language = language, Transferred = true };
        var cut = Open();
        Assert.Equal(sentence, cut.Find("[data-test=transferred]").TextContent);
        Assert.Contains(": 4", cut.Find("[data-test=position]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kk", "15 минут ішінде 7-терезеге келіңіз — кезегіңіз сақталады.")]
    [InlineData("ru", "Подойдите к окну 7 в течение 15 минут — ваша очередь сохранится.")]
    [InlineData("en", "Come back to window 7 within 15 minutes to keep your turn.")]
    public void After_a_no_show_the_page_says_where_and_within_how_long_to_come_back(string language, string sentence)
    {
        _source.Ticket = NoShow(language, _clock.GetUtcNow().AddMinutes(15));
        var cut = Open();
        Assert.Equal(sentence, cut.Find("[data-test=rejoin]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=rejoin-passed]"));
    }

    [Fact]
    public void The_rejoin_window_takes_its_minutes_from_the_service_and_says_when_it_has_passed()
    {
        _source.Ticket = NoShow("ru", _clock.GetUtcNow().AddMinutes(20)) with { RejoinWindowMinutes = 20, RejoinDeskNumber = "12" };
        var cut = Open();
        Assert.Equal("Подойдите к окну 12 в течение 20 минут — ваша очередь сохранится.", cut.Find("[data-test=rejoin]").TextContent);

        _clock.Advance(TimeSpan.FromMinutes(20));
        cut.WaitForAssertion(() => Assert.Equal("Время для возврата в очередь истекло. Возьмите новый талон.",
            cut.Find("[data-test=rejoin-passed]").TextContent));
        Assert.Empty(cut.FindAll("[data-test=rejoin]"));
    }

    private PublicTicketDto NoShow(string language, DateTimeOffset until) => Waiting(1) with
    {
        Language = language, State = "NoShow", Position = null, RejoinDeskNumber = "7", RejoinWindowMinutes = 15, RejoinUntil = until,
    };

    [Fact]
    public void After_the_visit_the_visitor_rates_it_once_with_a_comment()
    {
        _source.Ticket = Waiting(1) with { State = "Completed", Position = null, Language = "ru" };
        var cut = Open();
        Assert.True(cut.Find("[data-test=send-rating]").HasAttribute("disabled"), "no stars chosen yet");
        cut.Find("[data-test=star-4]").Click();
        Assert.Equal(4, cut.FindAll(".star.on").Count);
        cut.Find("[data-test=comment]").Change("<b>Жылдам</b>, рахмет");
        cut.Find("[data-test=send-rating]").Click();

        Assert.Equal([(4, "<b>Жылдам</b>, рахмет")], _source.Ratings);
        Assert.Equal("Ваша оценка: 4 / 5. Спасибо!", cut.Find("[data-test=rated]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=rating]")); // once per ticket
    }

    [Fact]
    public void An_unknown_ticket_says_so_in_the_language_asked_for()
    {
        var cut = Render<TicketStatusPage>(p => p.Add(x => x.PublicId, "guess"));
        Assert.Equal("Мұндай талон жоқ.", cut.Find("[data-test=missing]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-test=lang-ru]"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/t/guess?lang=ru");
        cut.WaitForAssertion(() => Assert.Equal("Такого талона нет.", cut.Find("[data-test=missing]").TextContent));
    }

    [Fact]
    public void Every_text_of_the_page_has_kazakh_russian_and_english()
    {
        foreach (var key in StatusTexts.Keys)
        {
            Assert.All(new[] { VisitorLanguage.Kk, VisitorLanguage.Ru, VisitorLanguage.En },
                l => Assert.False(string.IsNullOrWhiteSpace(StatusTexts.Get(key, l)), $"{key} in {l}"));
        }
    }
}
