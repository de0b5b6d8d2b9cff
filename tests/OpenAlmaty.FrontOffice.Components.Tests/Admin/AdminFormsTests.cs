using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.FrontOffice.Application;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Printing;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Server.Circuits;
using OpenAlmaty.FrontOffice.Server.Components.Admin;
using OpenAlmaty.FrontOffice.Server.Components.Staff;

namespace OpenAlmaty.FrontOffice.Components.Tests.Admin;

/// <summary>
/// The roster page's forms and the audit log's paging over the real use cases and a real SQLite file (only the browser is bunit's):
/// the admin adds a service and a desk, is refused in words, and is asked before a retire.
/// </summary>
public sealed class AdminFormsTests : BunitContext, IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-roster-" + Guid.NewGuid().ToString("N"));
    private readonly BunitAuthorizationContext _auth;

    public AdminFormsTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)));
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
        Services.AddSingleton<IOutboxSignal, NoOutbox>();
        Services.AddSingleton<IPrintAgents, NoPrintAgents>();
        Services.AddSingleton(new PrinterConnections(new NoPrintAgents()));
        Services.AddHttpContextAccessor(); // no request: the staff language is Russian, as without the cookie
        Services.AddScoped<StaffLanguage>();
        Services.AddSingleton<Server.Auth.CallerPowers>();
        Services.AddScoped<CircuitAccess>();
        Services.AddScoped<CircuitActions>();
        _auth = AddAuthorization();
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await PersistenceSetup.MigrateAsync(sp.GetRequiredService<FrontOfficeDb>(), CancellationToken.None);
        await sp.GetRequiredService<SeedRoster>().HandleAsync(CancellationToken.None);
        await sp.GetRequiredService<BootstrapAdmin>().HandleAsync();
        var admin = (await sp.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("admin"))!;
        _auth.SetAuthorized("admin");
        _auth.SetRoles(StaffRoles.Admin);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, admin.SecurityStamp!));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<RosterDto> RosterAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetRoster>().HandleAsync(includeRetired: true, CancellationToken.None);
    }

    private IRenderedComponent<RosterEditor> Page()
    {
        var cut = Render<RosterEditor>();
        cut.WaitForElement("[data-test=new-agency]");
        return cut;
    }

    [Fact]
    public async Task A_new_service_with_a_taken_prefix_is_refused_in_words_then_added_with_a_free_one()
    {
        var cut = Page();
        var agencyId = int.Parse(cut.Find("[data-test=roster-agency]").GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        cut.Find("[data-test=new-service-code]").Change("night-duty");
        cut.Find("[data-test=new-service-prefix]").Change("a"); // upper-cased, and A is the first agency's own
        cut.Find("[data-test=new-service-kk]").Change("Түнгі кезекші");
        cut.Find("[data-test=new-service-ru]").Change("Ночной дежурный");
        cut.Find("[data-test=new-service-en]").Change("Night duty");
        cut.Find("[data-test=new-service-create]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("Этот префикс уже занят", cut.Find("[data-test=new-service-error]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain((await RosterAsync()).Agencies.SelectMany(a => a.Services), s => s.Code == "night-duty");

        cut.Find("[data-test=new-service-prefix]").Change("nd");
        cut.Find("[data-test=new-service-create]").Click();
        cut.WaitForElement("[data-test=service-night-duty]");
        Assert.Equal("Услуга добавлена.", cut.Find("[data-test=saved]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=new-service-error]"));
        var added = (await RosterAsync()).Agencies.Single(a => a.Id == agencyId).Services.Single(s => s.Code == "night-duty");
        Assert.Equal(("ND", "Ночной дежурный"), (added.TicketPrefix, added.NameRu));
    }

    [Fact]
    public async Task A_new_desk_needs_a_service_and_then_appears_closed()
    {
        var cut = Page();
        cut.Find("[data-test=new-desk-number]").Change("42");
        cut.Find("[data-test=new-desk-create]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("Неверные данные", cut.Find("[data-test=new-desk-error]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-test=new-desk-service-energy]").Change(true);
        cut.Find("[data-test=new-desk-create]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Окно добавлено.", cut.Find("[data-test=saved]").TextContent));
        var desk = (await RosterAsync()).Desks.Single(d => d.Number == "42");
        Assert.False(desk.IsOpen);
        Assert.Contains(cut.FindAll("[data-test=roster-desk] option"), o => o.TextContent == "42");
    }

    [Fact]
    public async Task Retiring_a_service_asks_first_naming_it_and_cancel_keeps_it()
    {
        var cut = Page();
        var service = cut.FindAll("[data-test^=service-]").First(e => e.GetAttribute("data-test")!.StartsWith("service-", StringComparison.Ordinal)
            && e.ClassList.Contains("card"));
        var code = service.GetAttribute("data-test")!["service-".Length..];
        cut.Find($"[data-test=service-{code}] [data-test=service-retire]").Click();
        var question = cut.Find("[data-test=confirm-text]").TextContent;
        Assert.StartsWith("Вывести услугу «", question, StringComparison.Ordinal);
        Assert.Contains("История сохраняется", cut.Find("[data-test=confirm]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-test=confirm-no]").Click();
        Assert.Empty(cut.FindAll("[data-test=confirm]"));
        Assert.False((await RosterAsync()).Agencies.SelectMany(a => a.Services).Single(s => s.Code == code).Retired);
    }

    [Fact]
    public async Task The_audit_log_pages_older_and_newer_and_names_actions_in_words()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
            var trail = scope.ServiceProvider.GetRequiredService<Application.Audit.AuditTrail>();
            await Transactions.RunAsync(db, async ct =>
            {
                for (var i = 1; i <= 60; i++)
                {
                    await trail.RecordAsync(i % 2 == 0 ? "roster.desk.restore" : "staff.lock", $"item {i}", null, ct, Actor.System);
                }

                return true;
            }, CancellationToken.None);
        }

        var cut = Render<AuditLog>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("[data-test=audit-entry]").Count));
        var newest = cut.FindAll("[data-test=audit-entry] td")[0].TextContent;
        Assert.True(cut.Find("[data-test=audit-newer]").HasAttribute("disabled"));
        Assert.Contains("Возвращено окно", cut.Find("[data-test=audit-entries]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("roster.desk", cut.Find("[data-test=audit-entries]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Система", cut.Find("[data-test=audit-entries]").TextContent, StringComparison.Ordinal);
        var options = cut.FindAll("[data-test=audit-filter] option").Select(o => o.TextContent).ToList();
        Assert.Contains("Учётная запись заблокирована", options);
        Assert.DoesNotContain(options, o => o.Contains("staff.", StringComparison.Ordinal));

        cut.Find("[data-test=audit-older]").Click();
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-test=audit-entry]").Count is > 0 and < 50));
        Assert.False(cut.Find("[data-test=audit-newer]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-test=audit-older]").HasAttribute("disabled"));
        cut.Find("[data-test=audit-newer]").Click();
        cut.WaitForAssertion(() => Assert.Equal(newest, cut.FindAll("[data-test=audit-entry] td")[0].TextContent));

        cut.Find("[data-test=audit-filter]").Change("staff.lock");
        cut.Find("[data-test=audit-apply]").Click();
        cut.WaitForAssertion(() => Assert.Equal(30, cut.FindAll("[data-test=audit-entry]").Count));
        Assert.All(cut.FindAll("[data-test=audit-entry]"), r => Assert.Equal("staff.lock", r.GetAttribute("data-action")));
    }

    private sealed class NoOutbox : IOutboxSignal
    {
        public void Notify()
        {
        }
    }

    private sealed class NoPrintAgents : IPrintAgents
    {
        public Task<PrintOutcome> PrintAsync(Guid deviceId, byte[] job, CancellationToken ct) =>
            Task.FromResult(new PrintOutcome(false, PrinterFault.Unreachable, "no agent"));
    }
}
