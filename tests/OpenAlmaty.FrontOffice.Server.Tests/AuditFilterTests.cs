using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>The audit log filtered by Almaty day, person and action, and paged by id, through HTTP.</summary>
public sealed class AuditFilterTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<List<AuditEntryDto>> ListAsync(HttpClient admin, string query) =>
        (await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?" + query))!;

    private static async Task RenameAsync(HttpClient admin, ServiceDto service, string kk) =>
        (await admin.PutAsJsonAsync($"/api/admin/services/{service.Id}",
            new UpdateServiceRequest(service.TicketPrefix, kk, service.NameRu, service.NameEn, service.Hours, 2, 3, 15, 15))).EnsureSuccessStatusCode();

    [Fact]
    public async Task Entries_are_found_by_almaty_day_person_and_action_and_paged_older_and_newer()
    {
        var admin = _app.Client(_hall.Admin);
        var energy = _hall.Service("energy");
        await RenameAsync(admin, energy, "Дүйсенбі 1");
        await RenameAsync(admin, energy, "Дүйсенбі 2");

        // 23:30 in Almaty on Monday is still Monday there though Tuesday is not far; then Tuesday morning.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 18, 30, 0, TimeSpan.Zero));
        admin = _app.Client(await _app.AdminAsync()); // the sign-in of the morning has lapsed by the evening
        await RenameAsync(admin, energy, "Дүйсенбі кеш");
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));
        admin = _app.Client(await _app.AdminAsync());
        await RenameAsync(admin, energy, "Сейсенбі");
        using var kiosk = _app.Client(_hall.Kiosk);
        await kiosk.IssuedAsync(energy.Id);
        var second = await kiosk.IssuedAsync(energy.Id);
        var desk = _hall.DeskOf("energy");
        using var officer = _app.Client(await _app.OfficerAsync(await _app.AdminAsync(), "aigerim", desk.Id));
        (await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/api/desks/{desk.Id}/call", new CallTicketRequest(second.Id, "Ардагер"))).EnsureSuccessStatusCode();

        var monday = await ListAsync(admin, "from=2026-11-30&to=2026-11-30&action=roster.service.update");
        Assert.Equal(3, monday.Count);
        Assert.Collection(monday,
            e => Assert.Contains("Дүйсенбі кеш", e.Detail, StringComparison.Ordinal),
            e => Assert.Contains("Дүйсенбі 2", e.Detail, StringComparison.Ordinal),
            e => Assert.Contains("Дүйсенбі 1", e.Detail, StringComparison.Ordinal));
        var tuesday = await ListAsync(admin, "from=2026-12-01&action=roster.service.update");
        Assert.Contains("Сейсенбі", Assert.Single(tuesday).Detail, StringComparison.Ordinal);

        var hers = await ListAsync(admin, "actor=aigerim");
        Assert.Equal("ticket.call-out-of-order", Assert.Single(hers).Action);
        Assert.Equal("aigerim", hers[0].Actor);
        Assert.All(await ListAsync(admin, "actor=admin&take=1000"), e => Assert.Equal("admin", e.Actor));
        Assert.Empty(await ListAsync(admin, "actor=nobody"));
        Assert.Empty(await ListAsync(admin, "actor=aigerim&action=roster."));

        // Keyset pages: older pages go below the last id shown, "newer" comes back to the page above.
        var all = await ListAsync(admin, "take=1000");
        Assert.True(all.Count >= 8);
        var first = await ListAsync(admin, "take=3");
        var older = await ListAsync(admin, $"take=3&beforeId={first[^1].Id}");
        Assert.Equal(all.Skip(3).Take(3).Select(e => e.Id), older.Select(e => e.Id));
        var newer = await ListAsync(admin, $"take=3&afterId={older[0].Id}");
        Assert.Equal(first.Select(e => e.Id), newer.Select(e => e.Id));
        var filteredOlder = await ListAsync(admin, $"take=2&action=roster.service.update&beforeId={monday[0].Id}");
        Assert.Equal(monday.Skip(1).Select(e => e.Id), filteredOlder.Select(e => e.Id));

        // The old query still works; a reversed period is refused with its problem type.
        Assert.Equal(4, (await ListAsync(admin, "take=1000&action=roster.service.")).Count);
        await (await admin.GetAsync(new Uri("/api/admin/audit?from=2026-12-02&to=2026-12-01", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidPeriod);
        admin.Dispose();
    }
}
