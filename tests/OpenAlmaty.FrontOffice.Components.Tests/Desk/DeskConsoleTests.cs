using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.FrontOffice.Application;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Devices;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Printing;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Server.Circuits;
using OpenAlmaty.FrontOffice.Server.Components.Desk;
using OpenAlmaty.FrontOffice.Server.Components.Staff;
using OpenAlmaty.FrontOffice.Server.Realtime;

namespace OpenAlmaty.FrontOffice.Components.Tests.Desk;

/// <summary>
/// The officer console over the real use cases and a real SQLite file (only the browser is bunit's):
/// an officer at the energy desk on a Monday morning with three visitors waiting.
/// </summary>
public sealed class DeskConsoleTests : BunitContext, IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-desk-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero));
    private readonly List<TicketDto> _waiting = [];
    private int _deskId;
    private string _officerId = "";
    private int _waterId;
    private List<string> _waterDesks = [];
    private readonly KioskPrinter _printer = new();
    private Guid _kioskId;

    public DeskConsoleTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddLogging();
        Services.AddOptions<FrontOfficeOptions>().Configure(o =>
        {
            o.DataDirectory = _data;
            o.Bootstrap.AdminPassword = "Admin-pass-2026";
        });
        Services.AddFrontOfficeDb(_data);
        Services.AddFrontOfficeApplication();
        Services.AddIdentityCore<StaffUser>(o => o.Password.RequireNonAlphanumeric = false)
            .AddRoles<IdentityRole>().AddEntityFrameworkStores<FrontOfficeDb>();
        Services.AddSingleton<IOutboxSignal, NoOutboxDispatcher>();
        Services.AddSingleton<IPrintAgents>(_printer);
        // An instance the test owns: the container would dispose it only synchronously.
        Services.AddSingleton(new PrinterConnections(_printer));
        Services.AddSingleton<HallFeed>();
        Services.AddHttpContextAccessor();
        Services.AddScoped<StaffLanguage>();
        Services.AddSingleton<Server.Auth.CallerPowers>();
        Services.AddScoped<CircuitAccess>();
        Services.AddScoped<CircuitActions>();
        _auth = AddAuthorization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private readonly BunitAuthorizationContext _auth;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await PersistenceSetup.MigrateAsync(sp.GetRequiredService<FrontOfficeDb>(), CancellationToken.None);
        await sp.GetRequiredService<SeedRoster>().HandleAsync(CancellationToken.None);
        await sp.GetRequiredService<BootstrapAdmin>().HandleAsync();
        var roster = await sp.GetRequiredService<GetRoster>().HandleAsync(includeRetired: false, CancellationToken.None);
        var energy = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        _waterId = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "water").Id;
        _waterDesks = roster.Desks.Where(d => d.ServiceIds.Contains(_waterId)).Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        _deskId = roster.Desks.First(d => d.ServiceIds.Contains(energy.Id)).Id;
        var officer = await sp.GetRequiredService<CreateOfficer>().HandleAsync(new CreateOfficerRequest("aigerim", "Officer-pass-1", [_deskId]), CancellationToken.None);
        var kiosk = await sp.GetRequiredService<EnrolDevice>().HandleAsync(new EnrolDeviceRequest(DeviceKindDto.Kiosk, "Kiosk 1"), CancellationToken.None);
        foreach (var priority in new[] { TicketPriority.None, TicketPriority.None, TicketPriority.Elderly })
        {
            _clock.Advance(TimeSpan.FromMinutes(4));
            var issued = await sp.GetRequiredService<IssueTicket>().HandleAsync(Actor.Device(kiosk.Id), Guid.NewGuid().ToString(),
                new IssueTicketRequest(energy.Id, VisitorLanguage.Kk, priority), CancellationToken.None);
            _waiting.Add(issued.Ticket);
        }

        _kioskId = kiosk.Id;

        _clock.Advance(TimeSpan.FromMinutes(10));
        _auth.SetAuthorized("aigerim");
        _auth.SetRoles(StaffRoles.Officer);
        // As the sign-in cookie carries it: the stamp the account had when the officer signed in.
        var stamp = (await sp.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(officer.Id))!.SecurityStamp!;
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, officer.Id), new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp));
        _officerId = officer.Id;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Finds and clicks on the renderer's own thread: a hall event's re-render cannot fall between the two.</summary>
    private static void Click(IRenderedComponent<DeskConsole> cut, string selector) =>
        cut.InvokeAsync(() => cut.Find(selector).Click()).GetAwaiter().GetResult();

    /// <summary>Types into a field on the renderer's own thread, for the same reason.</summary>
    private static void Type(IRenderedComponent<DeskConsole> cut, string selector, string value) =>
        cut.InvokeAsync(() => cut.Find(selector).Input(value)).GetAwaiter().GetResult();

    private IRenderedComponent<DeskConsole> Console()
    {
        var cut = Render<DeskConsole>(p => p.Add(d => d.DeskId, _deskId));
        cut.WaitForElement("[data-test=waiting]");
        return cut;
    }

    [Fact]
    public void The_waiting_list_shows_every_visitor_with_priority_marks_and_wait_times()
    {
        var cut = Console();
        // In call order: no priority visitor was called yet today, so the elderly visitor goes first.
        Assert.Equal([_waiting[2].Number, _waiting[0].Number, _waiting[1].Number],
            cut.FindAll("[data-test=waiting-row]").Select(r => r.GetAttribute("data-number")));
        var elderly = cut.Find($"[data-test=waiting-row][data-number='{_waiting[2].Number}']");
        Assert.Contains("★", elderly.TextContent, StringComparison.Ordinal);
        Assert.Contains("10 мин", elderly.TextContent, StringComparison.Ordinal);
        Assert.Contains("18 мин", cut.Find($"[data-test=waiting-row][data-number='{_waiting[0].Number}']").TextContent, StringComparison.Ordinal);
        Assert.Equal("3", cut.Find("[data-test=waiting-count]").TextContent);
    }

    [Fact]
    public void Call_next_brings_the_priority_visitor_first_by_the_ratio_then_by_arrival_with_the_reason_and_the_times()
    {
        var cut = Console();
        Click(cut, "[data-test=call-next]");
        cut.WaitForAssertion(() => Assert.Equal(_waiting[2].Number, cut.Find("[data-test=current-number]").TextContent));
        Assert.Contains("приоритетная очередь", cut.Find("[data-test=why]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Ждал(а): 10 мин", cut.Find("[data-test=times]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-test=waiting-row]").Count);
        Assert.Empty(cut.FindAll("[data-test=call-next]"));

        Click(cut, "[data-test=no-show]");
        cut.WaitForElement("[data-test=call-next]"); Click(cut, "[data-test=call-next]");
        cut.WaitForAssertion(() => Assert.Equal(_waiting[0].Number, cut.Find("[data-test=current-number]").TextContent));
        Assert.Contains("по порядку прихода", cut.Find("[data-test=why]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Ждал(а): 18 мин", cut.Find("[data-test=times]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Recall_counts_up_to_the_limit_and_then_the_visitor_is_a_no_show()
    {
        var cut = Console();
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=recall]");
        Click(cut, "[data-test=recall]");
        cut.WaitForAssertion(() => Assert.Equal("1 / 3", cut.Find("[data-test=recalls]").TextContent));
        Click(cut, "[data-test=recall]");
        cut.WaitForAssertion(() => Assert.Equal("2 / 3", cut.Find("[data-test=recalls]").TextContent));
        Click(cut, "[data-test=recall]");
        cut.WaitForAssertion(() => Assert.Equal("3 / 3", cut.Find("[data-test=recalls]").TextContent));
        Click(cut, "[data-test=recall]");
        Click(cut, "[data-test=recall-confirm-yes]"); // the fourth ends the visit: asked first
        cut.WaitForElement("[data-test=no-current]");
    }

    [Fact]
    public void Complete_asks_for_outcome_and_topic_and_names_a_ksk_only_for_housing()
    {
        var cut = Console();
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=complete-open]"); Click(cut, "[data-test=complete-open]");
        Assert.True(cut.Find("[data-test=complete]").HasAttribute("disabled"));
        cut.Find("[data-test=outcome]").Change("consulted");
        cut.Find("[data-test=topic]").Change("energy");
        Assert.Empty(cut.FindAll("[data-test=ksk]"));
        cut.Find("[data-test=topic]").Change("housing");
        cut.Find("[data-test=ksk]").Input("КСК «Самал»");
        cut.Find("[data-test=note]").Input("<b>жарық жоқ</b>");
        Assert.False(cut.Find("[data-test=complete]").HasAttribute("disabled"));
        Click(cut, "[data-test=complete]");
        cut.WaitForElement("[data-test=no-current]");
    }

    [Fact]
    public void What_the_officer_chose_stays_while_switching_panels_and_is_forgotten_once_the_visit_is_completed()
    {
        var water = _waterId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cut = Console();
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=complete-open]"); Click(cut, "[data-test=complete-open]");
        cut.Find("[data-test=outcome]").Change("consulted");
        cut.Find("[data-test=topic]").Change("housing");
        cut.Find("[data-test=ksk]").Input("КСК «Самал»");

        // The officer looks at the transfer, chooses a service, then goes back to completing: nothing is lost.
        Click(cut, "[data-test=transfer-open]");
        Assert.Empty(cut.FindAll("[data-test=complete-panel]"));
        cut.Find("[data-test=transfer-to]").Change(water);
        Click(cut, "[data-test=complete-open]");
        Assert.Equal("consulted", cut.Find("[data-test=outcome]").GetAttribute("value"));
        Assert.Equal("КСК «Самал»", cut.Find("[data-test=ksk]").GetAttribute("value"));
        Click(cut, "[data-test=complete-panel] button:not([data-test])"); // cancel
        Click(cut, "[data-test=transfer-open]");
        Assert.Equal(water, cut.Find("[data-test=transfer-to]").GetAttribute("value"));

        Click(cut, "[data-test=complete-open]");
        Click(cut, "[data-test=complete]");
        cut.WaitForElement("[data-test=no-current]");
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=complete-open]"); Click(cut, "[data-test=complete-open]");
        Assert.Equal("", cut.Find("[data-test=outcome]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-test=ksk]"));
        Click(cut, "[data-test=transfer-open]");
        Assert.Equal("0", cut.Find("[data-test=transfer-to]").GetAttribute("value"));
    }

    [Fact]
    public void Calling_a_chosen_ticket_needs_a_reason_and_shows_it_as_the_why()
    {
        var cut = Console();
        Click(cut, $"[data-test=waiting-row][data-number='{_waiting[1].Number}'] [data-test=choose]");
        Assert.True(cut.Find("[data-test=choose-confirm]").HasAttribute("disabled"));
        cut.Find("[data-test=choose-reason]").Input("с ребёнком на руках");
        Click(cut, "[data-test=choose-confirm]");
        cut.WaitForAssertion(() => Assert.Equal(_waiting[1].Number, cut.Find("[data-test=current-number]").TextContent));
        Assert.Contains("выбран сотрудником: с ребёнком на руках", cut.Find("[data-test=why]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_normal_call_closes_an_out_of_turn_choice_left_half_made()
    {
        var cut = Console();
        Click(cut, $"[data-test=waiting-row][data-number='{_waiting[1].Number}'] [data-test=choose]");
        cut.Find("[data-test=choose-reason]").Input("с ребёнком");

        Click(cut, "[data-test=call-next]");

        cut.WaitForAssertion(() => Assert.Equal(_waiting[2].Number, cut.Find("[data-test=current-number]").TextContent));
        Assert.Empty(cut.FindAll("[data-test=choose-reason]")); // confirming it now would only be refused: someone is at the desk
    }

    [Fact]
    public void Park_and_unpark_keep_the_visitor_and_transfer_sends_them_on()
    {
        var cut = Console();
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=park]"); Click(cut, "[data-test=park]");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=waiting-row]").Count));
        cut.WaitForElement("[data-test=unpark]"); Click(cut, "[data-test=unpark]");
        cut.WaitForAssertion(() => Assert.Equal(_waiting.Select(t => t.Number),
            cut.FindAll("[data-test=waiting-row]").Select(r => r.GetAttribute("data-number"))));

        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=transfer-open]"); Click(cut, "[data-test=transfer-open]");
        cut.Find("[data-test=transfer-to]").Change(_waterId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Only the water desks are offered, after "any desk".
        Assert.Equal(["0", .. _waterDesks], cut.FindAll("[data-test=transfer-desk] option").Select(o => o.GetAttribute("value")));
        cut.Find("[data-test=transfer-desk]").Change(_waterDesks[0]);
        cut.Find("[data-test=transfer-note]").Change("су мәселесі / вопрос по воде");
        Click(cut, "[data-test=transfer]");
        cut.WaitForElement("[data-test=no-current]");
        Assert.Equal(2, cut.FindAll("[data-test=waiting-row]").Count);
    }

    [Fact]
    public void A_closed_desk_states_its_reason_and_calls_nobody_until_opened()
    {
        var cut = Console();
        Assert.True(cut.Find("[data-test=close-desk]").HasAttribute("disabled"));
        cut.Find("[data-test=close-reason]").Change("lunch");
        Click(cut, "[data-test=close-desk]");
        cut.WaitForAssertion(() => Assert.Contains("Обед", cut.Find("[data-test=desk-state]").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find("[data-test=call-next]").HasAttribute("disabled"));
        Click(cut, "[data-test=open-desk]");
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-test=call-next]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task A_locked_officer_calls_nobody_and_is_told_why_in_the_staff_language()
    {
        var cut = Console();
        await AsAdminAsync<ManageStaffAccount>(m => m.SetLockedAsync(_officerId, locked: true, CancellationToken.None));

        Click(cut, "[data-test=call-next]");
        cut.WaitForAssertion(() => Assert.Equal("Сеанс завершён: администратор заблокировал вашу учётную запись", cut.Find("[data-test=error]").TextContent));
        Assert.Empty(cut.FindAll("[data-test=current-number]"));
        Assert.Equal(ProblemTypes.AccountLocked, Services.GetRequiredService<CircuitAccess>().EndedBecause);

        // Nobody was called: the desk, read as the admin would, still has nobody and three waiting.
        var desk = await AsAdminAsync<OpenAlmaty.FrontOffice.Application.Desks.GetDeskConsole, DeskConsoleDto>(q =>
            q.HandleAsync(Actor.User(_officerId), _deskId, CancellationToken.None));
        Assert.Null(desk.Current);
        Assert.Equal(3, desk.Waiting.Count);
    }

    [Fact]
    public async Task A_new_password_ends_the_open_console_at_its_next_action()
    {
        var cut = Console();
        await AsAdminAsync<ManageStaffAccount>(m => m.ResetPasswordAsync(_officerId, new ResetPasswordRequest("Another-pass-2"), CancellationToken.None));

        cut.Find("[data-test=close-reason]").Change("lunch");
        Click(cut, "[data-test=close-desk]");
        cut.WaitForAssertion(() => Assert.Equal("Сеанс завершён: из вашей учётной записи вышли или сменили её пароль", cut.Find("[data-test=error]").TextContent));
        Assert.Contains("Открыто", cut.Find("[data-test=desk-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_console_left_open_says_why_once_the_watch_signs_the_circuit_out()
    {
        var cut = Console();
        await AsAdminAsync<ManageStaffAccount>(m => m.SetLockedAsync(_officerId, locked: true, CancellationToken.None));

        // What the watch does every two seconds: the check, then the framework signs the circuit out.
        await using (var scope = Services.CreateAsyncScope())
        {
            var user = (await Services.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
            Assert.Equal(ProblemTypes.AccountLocked, await Services.GetRequiredService<CircuitAccess>().CheckAsync(user, scope.ServiceProvider, CancellationToken.None));
        }

        _auth.SetNotAuthorized();
        cut.WaitForAssertion(() => Assert.Equal("Сеанс завершён: администратор заблокировал вашу учётную запись", cut.Find("[data-test=error]").TextContent));
        Assert.Equal(3, cut.FindAll("[data-test=waiting-row]").Count); // the page keeps what it showed, without reloading
    }

    [Fact]
    public async Task A_lockout_after_failed_sign_ins_does_not_end_the_officer_already_at_work()
    {
        var cut = Console();
        await AsAdminAsync<UserManager<StaffUser>>(async users =>
        {
            var officer = (await users.FindByIdAsync(_officerId))!;
            Assert.True((await users.SetLockoutEndDateAsync(officer, _clock.GetUtcNow().AddMinutes(5))).Succeeded); // what five wrong passwords do; the stamp stays
        });

        Click(cut, "[data-test=call-next]");
        cut.WaitForAssertion(() => Assert.Equal(_waiting[2].Number, cut.Find("[data-test=current-number]").TextContent));
    }

    [Fact]
    public void Typing_a_reason_wakes_the_call_button_so_one_click_calls_the_chosen_visitor()
    {
        var cut = Console();
        Click(cut, $"[data-test=waiting-row][data-number='{_waiting[1].Number}'] [data-test=choose]");
        // As typed, without leaving the field: the button is awake for the very next click.
        cut.Find("[data-test=choose-reason]").Input("с ребёнком");
        Assert.False(cut.Find("[data-test=choose-confirm]").HasAttribute("disabled"));
        Click(cut, "[data-test=choose-confirm]");
        cut.WaitForAssertion(() => Assert.Equal(_waiting[1].Number, cut.Find("[data-test=current-number]").TextContent));
    }

    [Fact]
    public void The_recall_that_would_make_a_no_show_asks_first_and_the_no_show_rejoins_from_the_list()
    {
        var cut = Console();
        var number = _waiting[2].Number;
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=recall]");
        for (var i = 1; i <= 3; i++)
        {
            Click(cut, "[data-test=recall]");
            var shown = $"{i} / 3";
            cut.WaitForAssertion(() => Assert.Equal(shown, cut.Find("[data-test=recalls]").TextContent));
        }

        Assert.Empty(cut.FindAll("[data-test=recall-confirm]"));
        Click(cut, "[data-test=recall]");
        // Nothing happened yet: the visitor is still at the desk and the officer is asked, in words.
        Assert.Contains("как «не пришёл»", cut.Find("[data-test=recall-confirm]").TextContent, StringComparison.Ordinal);
        Assert.Contains("15 мин", cut.Find("[data-test=recall-confirm]").TextContent, StringComparison.Ordinal);
        Assert.Equal(number, cut.Find("[data-test=current-number]").TextContent);
        Click(cut, "[data-test=recall-confirm-no]");
        Assert.Empty(cut.FindAll("[data-test=recall-confirm]"));
        Assert.Equal(number, cut.Find("[data-test=current-number]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=no-show-row]"));

        Click(cut, "[data-test=recall]");
        Click(cut, "[data-test=recall-confirm-yes]");
        cut.WaitForElement("[data-test=no-current]");
        var row = cut.WaitForElement($"[data-test=no-show-row][data-number='{number}']");
        Assert.Equal("осталось: 15 мин", row.QuerySelector("[data-test=minutes-left]")!.TextContent);

        Click(cut, $"[data-test=no-show-row][data-number='{number}'] [data-test=rejoin]");
        cut.WaitForAssertion(() => Assert.Contains(number, cut.FindAll("[data-test=waiting-row]").Select(r => r.GetAttribute("data-number"))));
        Assert.Empty(cut.FindAll("[data-test=no-show-row]"));
        Assert.Equal(3, cut.FindAll("[data-test=waiting-row]").Count);
    }

    [Fact]
    public void A_no_show_is_listed_with_the_minutes_left_only_while_the_rejoin_window_lasts()
    {
        var cut = Console();
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=no-show]"); Click(cut, "[data-test=no-show]");
        cut.WaitForElement("[data-test=no-show-row]");

        _clock.Advance(TimeSpan.FromMinutes(9));
        cut.Render();
        cut.WaitForAssertion(() => Assert.Equal("осталось: 6 мин", cut.Find("[data-test=minutes-left]").TextContent));

        _clock.Advance(TimeSpan.FromMinutes(7));
        cut.Render();
        cut.WaitForElement("[data-test=no-shows-empty]");
        Assert.Equal("0", cut.Find("[data-test=no-show-count]").TextContent);
    }

    [Fact]
    public void Search_by_number_says_the_state_in_words_and_offers_what_applies()
    {
        var cut = Console();
        var parked = _waiting[2].Number; // called first
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=park]"); Click(cut, "[data-test=park]");
        cut.WaitForElement("[data-test=unpark]");

        // As the visitor reads it out: the digits alone find it.
        Type(cut, "[data-test=search-number]", parked.Split('-')[1].TrimStart('0'));
        Click(cut, "[data-test=search]");
        var row = cut.WaitForElement($"[data-test=search-row][data-number='{parked}']");
        Assert.Equal("Отложен(а)", row.QuerySelector("[data-test=search-state]")!.TextContent);
        Assert.NotNull(row.QuerySelector("[data-test=search-reprint]"));
        Click(cut, "[data-test=search-unpark]");
        cut.WaitForAssertion(() => Assert.Equal("В очереди", cut.Find("[data-test=search-state]").TextContent));
        Assert.Empty(cut.FindAll("[data-test=search-unpark]"));

        // A no-show: the minutes left to come back, and the rejoin.
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=no-show]");
        var noShow = cut.Find("[data-test=current-number]").TextContent;
        Click(cut, "[data-test=no-show]");
        cut.WaitForElement("[data-test=no-current]");
        Type(cut, "[data-test=search-number]", noShow);
        Click(cut, "[data-test=search]");
        cut.WaitForAssertion(() => Assert.Equal("Не пришёл (не пришла) · вернуться можно ещё 15 мин", cut.Find("[data-test=search-state]").TextContent));
        Assert.Empty(cut.FindAll("[data-test=search-reprint]"));
        Click(cut, "[data-test=search-rejoin]");
        cut.WaitForAssertion(() => Assert.Equal("В очереди", cut.Find("[data-test=search-state]").TextContent));

        Type(cut, "[data-test=search-number]", "Z-999");
        Click(cut, "[data-test=search]");
        cut.WaitForElement("[data-test=search-none]");
    }

    [Fact]
    public async Task A_reprint_from_the_console_is_marked_as_a_copy_and_says_the_people_ahead_now()
    {
        await AsAdminAsync<ConfigurePrinter>(c => c.HandleAsync(_kioskId, new PrinterSettingsRequest(PrinterConnections.Agent, "epson-80"), CancellationToken.None));
        var cut = Console();
        var later = _waiting[1]; // one visitor ahead of it when it was issued
        Click(cut, "[data-test=call-next]"); // the elderly visitor
        cut.WaitForElement("[data-test=no-show]"); Click(cut, "[data-test=no-show]");
        cut.WaitForElement("[data-test=call-next]"); Click(cut, "[data-test=call-next]"); // the one ahead of it
        cut.WaitForAssertion(() => Assert.Equal(_waiting[0].Number, cut.Find("[data-test=current-number]").TextContent));

        Type(cut, "[data-test=search-number]", later.Number);
        Click(cut, "[data-test=search]");
        cut.WaitForElement("[data-test=search-reprint]"); Click(cut, "[data-test=search-reprint]");

        cut.WaitForAssertion(() => Assert.Equal("Талон перепечатан (с пометкой «копия»).", cut.Find("[data-test=notice]").TextContent.Trim()));
        var job = Convert.ToHexString(Assert.Single(_printer.Jobs));
        Assert.Contains(Hex("КӨШІРМЕ"), job, StringComparison.Ordinal); // the visitor took it in Kazakh
        Assert.Contains(Hex("Алдыңызда: 0 адам"), job, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex("Алдыңызда: 1 адам"), job, StringComparison.Ordinal);
        var recorded = await AsAdminAsync<ListPrintJobs, IReadOnlyList<PrintJobDto>>(l => l.HandleAsync(_kioskId, 10, CancellationToken.None));
        Assert.True(Assert.Single(recorded).IsReprint);
    }

    [Fact]
    public async Task F4_opens_the_completion_with_the_keyboard_on_the_outcome_and_enter_completes()
    {
        var cut = Console();
        Click(cut, "[data-test=call-next]");
        cut.WaitForElement("[data-test=complete-open]"); Click(cut, "[data-test=complete-open]"); // what F4 clicks
        var focus = JSInterop.VerifyFocusAsyncInvoke();
        Assert.Equal(cut.Find("[data-test=outcome]").GetAttribute("blazor:elementReference"), ((Microsoft.AspNetCore.Components.ElementReference)focus.Arguments[0]!).Id);

        // Enter before an outcome and a topic are chosen completes nothing.
        await cut.InvokeAsync(() => cut.Find("[data-test=outcome]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" }));
        Assert.NotEmpty(cut.FindAll("[data-test=current-number]"));
        cut.Find("[data-test=outcome]").Change("resolved");
        cut.Find("[data-test=topic]").Change("energy");
        await cut.InvokeAsync(() => cut.Find("[data-test=topic]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" }));
        cut.WaitForElement("[data-test=no-current]");
    }

    [Fact]
    public async Task My_day_counts_what_the_officer_served_as_the_report_measures_it()
    {
        var cut = Console();
        Assert.Equal("0", cut.Find("[data-test=my-served]").TextContent);
        Assert.Equal("—", cut.Find("[data-test=my-average]").TextContent);
        Click(cut, "[data-test=call-next]"); // the elderly visitor, after 10 minutes' wait
        cut.WaitForElement("[data-test=start]");
        _clock.Advance(TimeSpan.FromMinutes(2));
        Click(cut, "[data-test=start]");
        cut.WaitForAssertion(() => Assert.Contains("Обслуживается", cut.Find("[data-test=times]").TextContent, StringComparison.Ordinal));
        _clock.Advance(TimeSpan.FromMinutes(7)); // served from the start of serving, not from the call
        cut.WaitForElement("[data-test=complete-open]"); Click(cut, "[data-test=complete-open]");
        cut.Find("[data-test=outcome]").Change("resolved");
        cut.Find("[data-test=topic]").Change("energy");
        Click(cut, "[data-test=complete]");
        cut.WaitForElement("[data-test=no-current]", TimeSpan.FromSeconds(3));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-test=my-served]").TextContent));
        Assert.Equal("7 мин", cut.Find("[data-test=my-average]").TextContent);
        Assert.Equal("10 мин", cut.Find("[data-test=my-longest-wait]").TextContent);
        Assert.Equal("пока нет", cut.Find("[data-test=my-ratings]").TextContent);

        await AsAdminAsync<RateVisit>(r => r.HandleAsync(_waiting[2].PublicId, new RateVisitRequest(4, null), CancellationToken.None));
        cut.Render();
        cut.WaitForAssertion(() => Assert.Equal("4,0 ★ (1 оц.)", cut.Find("[data-test=my-ratings]").TextContent));
    }

    [Fact]
    public async Task An_officer_with_no_desk_gets_a_plain_page_saying_so()
    {
        var bolat = await AsAdminAsync<CreateOfficer, CreatedOfficerDto>(c => c.HandleAsync(new CreateOfficerRequest("bolat", "Officer-pass-2", []), CancellationToken.None));
        await SignInAsync(bolat.Id, "bolat");

        var cut = Render<DeskConsole>();
        var page = cut.WaitForElement("[data-test=desk-refusal]");
        Assert.Equal("NoDesk", page.GetAttribute("data-reason"));
        Assert.Contains("За вами не закреплено окно", page.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-test=error]"));
    }

    [Fact]
    public async Task A_desk_not_yours_is_refused_in_plain_words_with_the_way_to_your_own()
    {
        var other = await AsAdminAsync<FrontOfficeDb, OpenAlmaty.FrontOffice.Domain.Roster.Desk>(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Desks, d => d.Id != _deskId && d.RetiredAt == null));
        var cut = Render<DeskConsole>(p => p.Add(d => d.DeskId, other.Id));
        var page = cut.WaitForElement("[data-test=desk-refusal]");
        Assert.Equal("NotYours", page.GetAttribute("data-reason"));
        Assert.Contains($"Окно {other.Number} за вами не закреплено", page.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/desk/{_deskId}", cut.Find("[data-test=my-desk-link]").GetAttribute("href"));
        Assert.DoesNotContain("assigned", page.TextContent, StringComparison.Ordinal); // no English detail

        var none = Render<DeskConsole>(p => p.Add(d => d.DeskId, 9999));
        Assert.Equal("Unknown", none.WaitForElement("[data-test=desk-refusal]").GetAttribute("data-reason"));
    }

    private static string Hex(string text) => Convert.ToHexString(PrinterCodePage.Kz1048.Encode(text));

    private async Task SignInAsync(string userId, string userName)
    {
        var stamp = await AsAdminAsync<UserManager<StaffUser>, string>(async users => (await users.FindByIdAsync(userId))!.SecurityStamp!);
        _auth.SetAuthorized(userName);
        _auth.SetRoles(StaffRoles.Officer);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp));
    }

    private async Task AsAdminAsync<TService>(Func<TService, Task> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<T> AsAdminAsync<TService, T>(Func<TService, Task<T>> read) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>No hub here: the events are not published.</summary>
    private sealed class NoOutboxDispatcher : IOutboxSignal
    {
        public void Notify()
        {
        }
    }

    /// <summary>The kiosk's printer behind its print agent: keeps what it was sent and prints it.</summary>
    private sealed class KioskPrinter : IPrintAgents
    {
        public List<byte[]> Jobs { get; } = [];

        public Task<PrintOutcome> PrintAsync(Guid deviceId, byte[] job, CancellationToken ct)
        {
            lock (Jobs)
            {
                Jobs.Add(job);
            }

            return Task.FromResult(new PrintOutcome(true, PrinterFault.Ready, null));
        }
    }
}
