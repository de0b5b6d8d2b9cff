using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>What a fresh server gives: durable storage, the default roster, the documents, daily numbering.</summary>
public sealed partial class ServerBasicsTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_database_is_a_durable_sqlite_file_in_the_data_directory()
    {
        using var client = _app.Client(Caller.Anonymous);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(FrontOfficeRoutes.Health, UriKind.Relative))).StatusCode);
        Assert.True(File.Exists(Path.Combine(_app.DataDirectory, PersistenceSetup.DatabaseFileName)));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        // Pooled connections are opened again and again: each time they are still durable.
        for (var open = 0; open < 3; open++)
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
                Assert.Equal(2L, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());
                Assert.Equal(30000L, await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
                Assert.Equal(1L, await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync());
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task First_start_loads_the_default_roster_and_writes_no_password_file_when_one_is_configured()
    {
        var roster = await _app.RosterAsync(await _app.AdminAsync());
        Assert.Equal(21, roster.Agencies.Count(a => a.Kind == AgencyKindDto.Agency));
        Assert.Equal(8, roster.Agencies.Count(a => a.Kind == AgencyKindDto.District));
        var mediators = Assert.Single(roster.Agencies, a => a.Kind == AgencyKindDto.Mediator);
        Assert.Equal("Mon-Fri 09:00-18:00", mediators.Services.Single().Hours);
        Assert.Single(roster.Agencies, a => a.Kind == AgencyKindDto.Reception);
        var services = roster.Agencies.SelectMany(a => a.Services).ToList();
        Assert.Equal(services.Count, services.Select(s => s.TicketPrefix).Distinct().Count());
        Assert.All(roster.Agencies, a => Assert.False(string.IsNullOrWhiteSpace(a.NameKk + a.NameRu + a.NameEn)));
        Assert.Contains(roster.Agencies, a => a.NameKk.Contains('ә') || a.NameKk.Contains('ү') || a.NameKk.Contains('і'));
        Assert.All(services, s => Assert.Contains(roster.Desks, d => d.ServiceIds.Contains(s.Id)));
        Assert.False(File.Exists(Path.Combine(_app.DataDirectory, "initial-admin-password.txt")));
    }

    [Theory]
    [InlineData("/admin/devices", "/login?returnUrl=%2Fadmin%2Fdevices")]
    [InlineData("/lang?code=kk&returnUrl=https://evil.example/", "/")]
    [InlineData("/lang?code=kk&returnUrl=//evil.example/", "/")]
    public async Task A_browser_is_sent_to_the_login_page_and_never_off_the_server(string path, string location)
    {
        using var browser = _app.Client(Caller.Anonymous);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);

        // The API and a client that does not ask for a page are refused, not redirected.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/admin/devices", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/admin/devices", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_recorded_voice_clip_in_the_data_directory_wins_over_the_default_pack()
    {
        using var anyone = _app.Client(Caller.Anonymous);
        var shipped = await anyone.GetByteArrayAsync(new Uri("/phrases/kk/talon.wav", UriKind.Relative));
        Assert.Equal("RIFF"u8.ToArray(), shipped[..4]);

        Directory.CreateDirectory(Path.Combine(_app.DataDirectory, "phrases", "kk"));
        byte[] recorded = [.. "RIFF"u8, 1, 2, 3, 4];
        await File.WriteAllBytesAsync(Path.Combine(_app.DataDirectory, "phrases", "kk", "talon.wav"), recorded);
        Assert.Equal(recorded, await anyone.GetByteArrayAsync(new Uri("/phrases/kk/talon.wav", UriKind.Relative)));
        Assert.NotEqual(recorded, await anyone.GetByteArrayAsync(new Uri("/phrases/ru/talon.wav", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(new Uri("/phrases/../frontoffice.db", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(new Uri("/phrases/kk/nothing-here.wav", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Numbers_restart_at_midnight_in_almaty()
    {
        var hall = await Scenario.StartAsync(_app);
        var mediation = hall.Service("mediation");
        using var admin = _app.Client(hall.Admin);
        var allWeek = new UpdateServiceRequest(mediation.TicketPrefix, "Медиация", "Медиация", "Mediation", "Mon-Sun 00:00-23:59", 2, 3, 15, 15);
        await (await admin.PutAsJsonAsync($"/api/admin/services/{mediation.Id}", allWeek)).OkAsync<CreatedDto>();
        using var kiosk = _app.Client(hall.Kiosk);

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 18, 58, 0, TimeSpan.Zero)); // 23:58 in Almaty
        Assert.Equal("M-001", (await kiosk.IssuedAsync(mediation.Id)).Number);
        Assert.Equal("M-002", (await kiosk.IssuedAsync(mediation.Id)).Number);
        _app.Clock.Advance(TimeSpan.FromMinutes(2)); // 00:00 the next day
        var morning = await kiosk.IssuedAsync(mediation.Id);
        Assert.Equal("M-001", morning.Number);
        Assert.Equal(0, morning.PeopleAhead); // yesterday's leftovers are not ahead of today's visitors
    }

    [Fact]
    public async Task Priority_visitor_is_called_by_the_ratio_and_the_reason_is_stored()
    {
        var hall = await Scenario.StartAsync(_app);
        var energy = hall.Service("energy");
        var desk = hall.DeskOf("energy");
        var officer = await _app.OfficerAsync(hall.Admin, "ratio-officer", desk.Id);
        using var kiosk = _app.Client(hall.Kiosk);
        using var deskClient = _app.Client(officer);
        var r1 = await kiosk.IssuedAsync(energy.Id);
        var r2 = await kiosk.IssuedAsync(energy.Id);
        var r3 = await kiosk.IssuedAsync(energy.Id);
        var elderly = await kiosk.IssuedAsync(energy.Id, TicketPriority.Elderly);
        Assert.Equal(0, elderly.PeopleAhead);

        var order = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var called = await deskClient.CalledAsync(desk.Id);
            order.Add(called.Id);
            await (await deskClient.ActAsync(called.Id, "complete")).OkAsync<TicketDto>();
        }

        Assert.Equal([elderly.Id, r1.Id, r2.Id, r3.Id], order);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        var reasons = await db.TicketCalls.OrderBy(c => c.Id).Select(c => c.Rule).ToListAsync();
        Assert.Equal(["priority-ratio", "arrival", "arrival", "arrival"], reasons);
    }

    [Fact]
    public async Task The_api_is_described_and_its_reference_page_loads_nothing_from_outside()
    {
        using var client = _app.Client(Caller.Anonymous);
        var openApi = await client.GetStringAsync(new Uri(FrontOfficeRoutes.OpenApi, UriKind.Relative));
        Assert.Contains("/api/tickets", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/desks/{deskId}/call-next", openApi, StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri("/api/reference/", UriKind.Relative));
        var external = ExternalUrl().Matches(page).Select(m => m.Value).Where(u => !u.Contains("localhost", StringComparison.Ordinal)).ToList();
        Assert.Empty(external);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']https?://[^"']+""")]
    private static partial Regex ExternalUrl();
}

public sealed class HousekeepingTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Closing_the_day_cancels_yesterdays_waiting_tickets_and_forgets_old_keys()
    {
        var hall = await Scenario.StartAsync(_app);
        var energy = hall.Service("energy");
        using var kiosk = _app.Client(hall.Kiosk);
        var yesterday = await kiosk.IssuedAsync(energy.Id);

        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await using var scope = _app.Services.CreateAsyncScope();
        // The hourly timer runs on the same fake clock and may do this pass first: either way, once is enough.
        await scope.ServiceProvider.GetRequiredService<OpenAlmaty.FrontOffice.Application.Tickets.CloseDay>()
            .HandleAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        Assert.Equal(0, await db.IdempotencyRecords.CountAsync());

        using var phone = _app.Client(Caller.Anonymous);
        var status = await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{yesterday.PublicId}");
        Assert.Equal("Cancelled", status!.State);
        var again = await scope.ServiceProvider.GetRequiredService<OpenAlmaty.FrontOffice.Application.Tickets.CloseDay>()
            .HandleAsync(CancellationToken.None);
        Assert.Equal(0, again.TicketsCancelled);
    }
}
