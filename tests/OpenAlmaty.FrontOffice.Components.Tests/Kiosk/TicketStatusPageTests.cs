using Bunit;
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
        position, position - 1, new WaitRangeDto(10, 25), null, null);

    [Fact]
    public void Shows_the_place_in_the_queue_in_kazakh_and_russian_then_the_desk_when_called()
    {
        _source.Ticket = Waiting(3);
        var cut = Render<TicketStatusPage>(p => p.Add(x => x.PublicId, "pub"));
        Assert.Equal("P-007", cut.Find("[data-test=number]").TextContent);
        Assert.Contains("Кезектегі орныңыз: 3", cut.Find("[data-test=position]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Ваше место в очереди: 3", cut.Find("[data-test=position]").TextContent, StringComparison.Ordinal);

        _source.Ticket = Waiting(3) with { State = "Called", Position = null, DeskNumber = "7" };
        _clock.Advance(TicketStatusPage.Refresh);
        cut.WaitForAssertion(() => Assert.Contains("Пройдите к окну 7", cut.Find("[data-test=desk]").TextContent, StringComparison.Ordinal));
        Assert.Contains("7-терезеге өтіңіз", cut.Find("[data-test=desk]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_visit_the_visitor_rates_it_once_with_a_comment()
    {
        _source.Ticket = Waiting(1) with { State = "Completed", Position = null };
        var cut = Render<TicketStatusPage>(p => p.Add(x => x.PublicId, "pub"));
        Assert.True(cut.Find("[data-test=send-rating]").HasAttribute("disabled"), "no stars chosen yet");
        cut.Find("[data-test=star-4]").Click();
        Assert.Equal(4, cut.FindAll(".star.on").Count);
        cut.Find("[data-test=comment]").Change("<b>Жылдам</b>, рахмет");
        cut.Find("[data-test=send-rating]").Click();

        Assert.Equal([(4, "<b>Жылдам</b>, рахмет")], _source.Ratings);
        Assert.Contains("4 / 5", cut.Find("[data-test=rated]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-test=rating]")); // once per ticket
    }

    [Fact]
    public void An_unknown_ticket_says_so()
    {
        var cut = Render<TicketStatusPage>(p => p.Add(x => x.PublicId, "guess"));
        Assert.Contains("Такого талона нет", cut.Find("[data-test=missing]").TextContent, StringComparison.Ordinal);
    }
}
