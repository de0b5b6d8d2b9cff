using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Displays;
using OpenAlmaty.FrontOffice.Displays.Components;

namespace OpenAlmaty.FrontOffice.Components.Tests.Displays;

/// <summary>A board fed by hand: its settings, two agencies of different kinds, and events pushed in.</summary>
public sealed class FakeDisplaySource : IDisplaySource
{
    public DisplayBoardDto Board { get; set; } = new(1, "hall-main", "hall", null, "voice", "", false,
    [
        new DisplayAgencyDto(13, "agency", "Энергетика басқармасы", "Управление энергетики", [new ServiceQueueDto(13, 4, 2, new WaitRangeDto(10, 25))]),
        new DisplayAgencyDto(27, "district", "Медеу ауданының әкімдігі", "Аппарат акима Медеуского района", [new ServiceQueueDto(27, 0, 1, new WaitRangeDto(0, 0))]),
    ],
    [new RecentCallDto("P-001", "7", 13, DateTimeOffset.UnixEpoch, "Called")]);

    public TimeZoneInfo Zone => OpenAlmaty.FrontOffice.Domain.Calendar.AlmatyClock.Zone;

    /// <summary>The enrolled display the board is for.</summary>
    public Guid DeviceId { get; } = Guid.NewGuid();

    public Task<Guid> DeviceIdAsync(CancellationToken ct) => Task.FromResult(DeviceId);

    private readonly List<IHallEvent> _published = [];
    private Action<IHallEvent>? _listener;

    /// <summary>Something committed while the board was being read (after its snapshot's seq).</summary>
    public IHallEvent? CommittedDuringLoad { get; set; }

    public Task<DisplayBoardDto> LoadAsync(CancellationToken ct)
    {
        if (CommittedDuringLoad is { } e)
        {
            Publish(e);
            CommittedDuringLoad = null;
        }

        return Task.FromResult(Board);
    }

    /// <summary>As the server's feed: replays what came after <paramref name="afterSeq"/>, then follows.</summary>
    public IDisposable Subscribe(long afterSeq, Action<IHallEvent> onEvent)
    {
        foreach (var e in _published.Where(e => e.Seq > afterSeq))
        {
            onEvent(e);
        }

        _listener = onEvent;
        return new Stop(() => _listener = null);
    }

    /// <summary>As the server's log: everything published after <paramref name="afterSeq"/>, in one page.</summary>
    public Task<HallEventsDto> EventsAfterAsync(long afterSeq, CancellationToken ct) =>
        Task.FromResult(new HallEventsDto(_published.Where(e => e.Seq > afterSeq).ToList(), false, _published.LastOrDefault()?.Seq ?? Board.Seq));

    public void Publish(IHallEvent e)
    {
        _published.Add(e);
        _listener?.Invoke(e);
    }

    private Action? _revoked;

    public IDisposable OnEnrolmentEnded(Action onEnded)
    {
        _revoked = onEnded;
        return new Stop(() => _revoked = null);
    }

    /// <summary>An admin revokes the display while its page is open.</summary>
    public void Revoke() => _revoked?.Invoke();

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}

public class DisplayBoardTests : BunitContext
{
    private readonly FakeDisplaySource _source = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero));

    public DisplayBoardTests()
    {
        Services.AddSingleton<IDisplaySource>(_source);
        Services.AddSingleton<TimeProvider>(_clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void A_call_committed_between_the_boards_load_and_its_subscription_is_shown_and_announced_once()
    {
        _source.CommittedDuringLoad = new TicketCalledEvent(2, "P-002", "8", 13, _clock.GetUtcNow());
        var cut = Render<DisplayBoard>();
        cut.WaitForAssertion(() => Assert.Equal("8", cut.Find("[data-test=call][data-number='P-002']").GetAttribute("data-desk")));
        // The same event delivered again (a replay) changes nothing and is not announced twice.
        _source.Publish(new TicketCalledEvent(2, "P-002", "8", 13, _clock.GetUtcNow()));
        Assert.Single(cut.FindAll("[data-test=call][data-number='P-002']"));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "oaAnnouncer.enqueue" && Equals(i.Arguments[0], "P-002"));
    }

    [Fact]
    public void A_board_reloaded_in_a_tab_that_had_reached_a_seq_shows_and_says_the_calls_made_since_that_no_snapshot_lists()
    {
        // In the server's log: a call the tab had said (seq 2), then one made and served while it was away.
        _source.Publish(new TicketCalledEvent(2, "P-009", "7", 13, _clock.GetUtcNow()));
        _source.Publish(new TicketCalledEvent(3, "P-002", "8", 13, _clock.GetUtcNow()));
        _source.Publish(new TicketClosedEvent(4, "P-002", 13, "Completed", _clock.GetUtcNow()));
        _source.Board = _source.Board with { Seq = 4 };
        JSInterop.Setup<long?>("oaAnnouncer.attach", _ => true).SetResult(2);

        var cut = Render<DisplayBoard>();
        cut.WaitForAssertion(() => Assert.Equal("8", cut.Find("[data-test=call][data-number='P-002']").GetAttribute("data-desk")));
        var said = Assert.Single(JSInterop.Invocations, i => i.Identifier == "oaAnnouncer.enqueue");
        Assert.Equal("P-002", said.Arguments[0]);
        Assert.Equal(3L, said.Arguments[2]);
    }

    [Fact]
    public void A_kiosk_out_of_paper_does_not_reload_the_board_or_shrink_its_calls()
    {
        var cut = Render<DisplayBoard>();
        _source.Publish(new TicketCalledEvent(2, "P-002", "8", 13, _clock.GetUtcNow()));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=call]").Count));
        _source.Board = _source.Board with { Seq = 3, RecentCalls = [] };
        _source.Publish(new DeviceStatusChangedEvent(3, Guid.NewGuid(), "printer-paper-out"));
        _source.Publish(new RosterChangedEvent(4));
        // The roster change reloads the board; the calls already shown stay.
        cut.WaitForAssertion(() => Assert.Equal(["P-002", "P-001"], cut.FindAll("[data-test=call]").Select(c => c.GetAttribute("data-number"))));
    }

    [Fact]
    public void An_agency_whose_windows_have_no_officer_says_so_instead_of_a_wait()
    {
        var cut = Render<DisplayBoard>();
        _source.Publish(new QueueChangedEvent(2, 13, 4, new WaitRangeDto(0, 0, WaitBases.NoDeskOpen)));
        cut.WaitForAssertion(() => Assert.Equal("қазір ашық терезе жоқ / сейчас нет открытых окон",
            cut.Find("[data-test=queue][data-agency='13'] [data-test=wait]").TextContent));
    }

    [Fact]
    public void The_hall_board_shows_every_agency_with_a_queue_with_its_count_and_range_the_rest_on_one_line_the_calls_and_the_almaty_clock()
    {
        var cut = Render<DisplayBoard>();
        Assert.Equal("hall", cut.Find("[data-test=display]").GetAttribute("data-layout"));
        Assert.Equal(["13"], cut.FindAll("[data-test=queue]").Select(q => q.GetAttribute("data-agency")));
        Assert.Contains("10–25 мин", cut.Find("[data-test=queue][data-agency='13']").TextContent, StringComparison.Ordinal);
        // Medeu has nobody waiting: no row of its own, counted on the last line.
        Assert.Equal("1", cut.Find("[data-test=idle]").GetAttribute("data-count"));
        Assert.Contains("В остальных органах очереди нет (1)", cut.Find("[data-test=idle]").TextContent, StringComparison.Ordinal);
        Assert.Equal("7", cut.Find("[data-test=call][data-number='P-001']").GetAttribute("data-desk"));
        Assert.Equal("10:00", cut.Find("[data-test=clock]").TextContent);
    }

    [Fact]
    public void A_queue_change_updates_the_agencys_count_and_range_from_the_event_alone()
    {
        var cut = Render<DisplayBoard>();
        _source.Board = _source.Board with { Agencies = [] }; // a reload would now show nothing: the event must suffice
        _source.Publish(new QueueChangedEvent(2, 27, 3, new WaitRangeDto(5, 15)));
        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-test=queue][data-agency='27'] [data-test=waiting]").TextContent));
        Assert.Contains("5–15 мин", cut.Find("[data-test=queue][data-agency='27']").TextContent, StringComparison.Ordinal);
        Assert.Equal("4", cut.Find("[data-test=queue][data-agency='13'] [data-test=waiting]").TextContent);
    }

    [Fact]
    public void An_agency_group_board_shows_only_its_kind_and_only_its_calls()
    {
        _source.Board = _source.Board with
        {
            Layout = "group", Group = "district",
            Agencies = [_source.Board.Agencies[0], _source.Board.Agencies[1] with { Queues = [new ServiceQueueDto(27, 2, 1, new WaitRangeDto(5, 10))] }],
        };
        var cut = Render<DisplayBoard>();
        Assert.Equal(["27"], cut.FindAll("[data-test=queue]").Select(q => q.GetAttribute("data-agency")));
        Assert.Empty(cut.FindAll("[data-test=call]"));

        _source.Publish(new TicketCalledEvent(2, "P-002", "8", 13, _clock.GetUtcNow()));
        _source.Publish(new TicketCalledEvent(3, "ME-004", "21", 27, _clock.GetUtcNow()));
        cut.WaitForAssertion(() => Assert.Equal(["ME-004"], cut.FindAll("[data-test=call]").Select(c => c.GetAttribute("data-number"))));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "oaAnnouncer.enqueue");
    }

    [Fact]
    public void A_new_call_goes_on_top_flashes_and_is_announced_kazakh_then_russian()
    {
        var cut = Render<DisplayBoard>();
        _source.Publish(new TicketCalledEvent(2, "P-015", "7", 13, _clock.GetUtcNow()));
        cut.WaitForAssertion(() => Assert.Equal("P-015", cut.FindAll("[data-test=call]")[0].GetAttribute("data-number")));
        Assert.Contains("fresh", cut.FindAll("[data-test=call]")[0].ClassList);
        Assert.DoesNotContain("fresh", cut.FindAll("[data-test=call]")[1].ClassList);

        var speech = (Announcement.Speech)JSInterop.Invocations.Single(i => i.Identifier == "oaAnnouncer.enqueue").Arguments[1]!;
        Assert.Equal(Announcement.Chime, speech.Chime);
        Assert.Equal(["/phrases/kk/talon.wav", "/phrases/kk/letter-p.wav", "/phrases/kk/n-15.wav", "/phrases/kk/o-7.wav", "/phrases/kk/window.wav",
            "/phrases/ru/talon.wav", "/phrases/ru/letter-p.wav", "/phrases/ru/n-15.wav", "/phrases/ru/window.wav", "/phrases/ru/n-7.wav"], speech.Full);
        // The shorter forms the player uses when several calls wait: without "Талон", and the number alone.
        Assert.Equal(["/phrases/kk/letter-p.wav", "/phrases/kk/n-15.wav", "/phrases/kk/o-7.wav", "/phrases/kk/window.wav",
            "/phrases/ru/letter-p.wav", "/phrases/ru/n-15.wav", "/phrases/ru/window.wav", "/phrases/ru/n-7.wav"], speech.Brief);
        Assert.Equal(["/phrases/kk/letter-p.wav", "/phrases/kk/n-15.wav", "/phrases/ru/letter-p.wav", "/phrases/ru/n-15.wav"], speech.Numbers);

        // Twenty seconds later it is no longer highlighted but still on the board.
        _clock.Advance(TimeSpan.FromSeconds(21));
        cut.Render();
        Assert.DoesNotContain("fresh", cut.FindAll("[data-test=call]")[0].ClassList);
    }

    [Theory]
    [InlineData("chime", 1)]
    [InlineData("off", 0)]
    public void A_display_can_be_muted_and_the_chime_works_without_the_voice(string sound, int announcements)
    {
        _source.Board = _source.Board with { Sound = sound };
        var cut = Render<DisplayBoard>();
        _source.Publish(new TicketCalledEvent(2, "P-002", "8", 13, _clock.GetUtcNow()));
        cut.WaitForAssertion(() => Assert.Equal("P-002", cut.FindAll("[data-test=call]")[0].GetAttribute("data-number")));
        var calls = JSInterop.Invocations.Where(i => i.Identifier == "oaAnnouncer.enqueue").ToList();
        Assert.Equal(announcements, calls.Count);
        if (announcements == 1)
        {
            var speech = (Announcement.Speech)calls[0].Arguments[1]!;
            Assert.Equal(Announcement.Chime, speech.Chime);
            Assert.Empty(speech.Full.Concat(speech.Brief).Concat(speech.Numbers));
        }
    }

    [Theory]
    [InlineData("Қош келдіңіз<script>alert('x')</script>", "Қош келдіңіз")]
    [InlineData("<img src=x onerror=\"alert(1)\">Кезек", "Кезек")]
    [InlineData("<a href=\"javascript:alert(1)\">Басыңыз</a>", "Басыңыз")]
    [InlineData("<b onclick=\"alert(1)\">Добро</b> <iframe src=\"http://evil\"></iframe><style>body{}</style>", "<b>Добро</b>")]
    public void The_ticker_renders_inert(string ticker, string shown)
    {
        _source.Board = _source.Board with { TickerHtml = ticker };
        var cut = Render<DisplayBoard>();
        var html = cut.Find("[data-test=ticker] .ticker-text").InnerHtml.Trim();
        Assert.Equal(shown, html);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_test_call_for_this_display_flashes_and_is_spoken_then_goes_and_a_test_for_another_display_changes_nothing()
    {
        var cut = Render<DisplayBoard>();
        _source.Publish(new DisplayTestCalledEvent(2, Guid.NewGuid(), _clock.GetUtcNow()));
        _source.Publish(new DisplayTestCalledEvent(3, _source.DeviceId, _clock.GetUtcNow()));

        cut.WaitForAssertion(() => Assert.Contains("fresh", cut.Find("[data-test=call][data-kind=test]").ClassList));
        Assert.Equal(DisplayBoard.TestNumber, cut.Find("[data-test=call][data-kind=test] .number").TextContent);
        var spoken = Assert.Single(JSInterop.Invocations, i => i.Identifier == "oaAnnouncer.enqueue");
        Assert.Equal(DisplayBoard.TestNumber, spoken.Arguments[0]);
        Assert.Equal(Announcement.TestWords, ((Announcement.Speech)spoken.Arguments[1]!).Full);
        // Not a ticket: the real call stays where it was, and the test row is gone once it no longer flashes.
        Assert.Equal(["ТЕСТ", "P-001"], cut.FindAll("[data-test=call]").Select(c => c.GetAttribute("data-number")));
        _clock.Advance(DisplayBoard.FreshFor);
        cut.Render();
        Assert.Equal(["P-001"], cut.FindAll("[data-test=call]").Select(c => c.GetAttribute("data-number")));
    }

    [Fact]
    public void The_agencies_with_a_queue_come_in_the_rosters_order_and_the_list_is_paged_by_the_pager()
    {
        _source.Board = _source.Board with
        {
            Agencies = Enumerable.Range(1, 31).Select(i => new DisplayAgencyDto(i, "agency", $"Орган {i}", $"Орган {i}",
                [new ServiceQueueDto(i, i % 5 == 0 ? 0 : i, 1, new WaitRangeDto(5, 10))])).ToList(),
        };
        var cut = Render<DisplayBoard>();
        Assert.Equal(Enumerable.Range(1, 31).Where(i => i % 5 != 0).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            cut.FindAll("[data-test=queue]").Select(q => q.GetAttribute("data-agency")));
        Assert.Equal("6", cut.Find("[data-test=idle]").GetAttribute("data-count"));
        // The pager (board.js) takes the list, with pages that come round within the cycle.
        var pager = Assert.Single(JSInterop.Invocations, i => i.Identifier == "startPager");
        Assert.Equal(DisplayBoard.CycleSeconds * 1000, (int)pager.Arguments[1]!.GetType().GetProperty("cycleMs")!.GetValue(pager.Arguments[1])!);
        Assert.True(File.Exists(Path.Combine(Root(), "displays", "OpenAlmaty.FrontOffice.Displays", "wwwroot", "board.js")));
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OpenAlmaty.FrontOffice.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    [Fact]
    public void A_revoked_display_reloads_into_the_servers_not_enrolled_page()
    {
        var cut = Render<DisplayBoard>();
        var navigation = (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();
        Assert.Empty(navigation.History);

        _source.Revoke();
        cut.WaitForAssertion(() => Assert.True(Assert.Single(navigation.History).Options.ForceLoad));
    }
}
