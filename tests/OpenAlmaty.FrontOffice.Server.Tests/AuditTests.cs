using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>The audit chain through HTTP, and what happens when someone edits the database behind its back.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<AuditEntryDto>> EntriesAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?take=1000"))!;

    private async Task<AuditVerificationDto> VerifyAsync(HttpClient admin) =>
        await (await admin.PostAsync(new Uri("/api/admin/audit/verify", UriKind.Relative), null)).OkAsync<AuditVerificationDto>();

    private async Task SqlAsync(string sql)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FrontOfficeDb>().Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>A roster edit, a call out of order and a transfer, each by its own person.</summary>
    private async Task<HttpClient> DoThingsAsync()
    {
        var admin = _app.Client(_hall.Admin);
        var energy = _hall.Service("energy");
        var update = new UpdateServiceRequest(energy.TicketPrefix, "Энергетика басқармасы", "Управление энергетики", "Energy", "Mon-Fri 09:00-18:00", 2, 3, 15, 15);
        (await admin.PutAsJsonAsync($"/api/admin/services/{energy.Id}", update)).EnsureSuccessStatusCode();

        using var kiosk = _app.Client(_hall.Kiosk);
        await kiosk.IssuedAsync(energy.Id);
        var second = await kiosk.IssuedAsync(energy.Id);
        var desk = _hall.DeskOf("energy");
        using var officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "aigerim", desk.Id));
        await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null);
        var chosen = await officer.PostAsJsonAsync($"/api/desks/{desk.Id}/call", new CallTicketRequest(second.Id, "Ардагер, құжаттары дайын"));
        chosen.EnsureSuccessStatusCode();
        var transfer = await officer.PostAsJsonAsync($"/api/tickets/{second.Id}/transfer", new TransferTicketRequest(_hall.Service("water").Id, "Иванова, су есептегіш", null));
        transfer.EnsureSuccessStatusCode();
        return admin;
    }

    [Fact]
    public async Task Who_did_what_is_chained_and_verify_finds_an_edited_row()
    {
        using var admin = await DoThingsAsync();
        var entries = await EntriesAsync(admin);
        Assert.Equal(entries.Select(e => e.Id).OrderDescending(), entries.Select(e => e.Id)); // newest first
        var rename = entries.First(e => e.Action == "roster.service.update");
        Assert.Equal(("admin", $"service {_hall.Service("energy").Id}"), (rename.Actor, rename.Subject));
        Assert.Contains("Энергетика басқармасы", rename.Detail, StringComparison.Ordinal);
        var outOfOrder = entries.Single(e => e.Action == "ticket.call-out-of-order");
        Assert.Equal("aigerim", outOfOrder.Actor);
        Assert.Contains("Ардагер", outOfOrder.Detail, StringComparison.Ordinal);
        var transfer = entries.Single(e => e.Action == "ticket.transfer");
        Assert.DoesNotContain("Иванова", transfer.Detail, StringComparison.Ordinal); // the officer's note may name the visitor: not logged
        Assert.Contains(entries, e => e.Action == "device.enrol");
        Assert.Contains(entries, e => e.Action == "staff.create" && e.Subject == "aigerim");

        var intact = await VerifyAsync(admin);
        Assert.Equal((true, entries.Count), (intact.Intact, intact.Entries));

        // Someone softens the record of the out-of-order call in the database file.
        await SqlAsync($"UPDATE AuditLog SET Detail = 'desk 12: queue order' WHERE Id = {outOfOrder.Id}");
        var broken = await VerifyAsync(admin);
        Assert.False(broken.Intact);
        Assert.Equal(outOfOrder.Id, broken.BrokenAt);
        Assert.Contains("changed", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_finds_a_deleted_row_in_the_middle_and_at_the_end()
    {
        using var admin = await DoThingsAsync();
        var entries = await EntriesAsync(admin);
        var (newest, middle) = (entries[0].Id, entries[entries.Count / 2].Id);

        await SqlAsync($"DELETE FROM AuditLog WHERE Id = {newest}");
        var tail = await VerifyAsync(admin);
        Assert.Equal((false, newest), (tail.Intact, tail.BrokenAt)); // only the head kept beside the database can tell
        Assert.Contains("deleted", tail.Reason, StringComparison.Ordinal);

        await SqlAsync($"DELETE FROM AuditLog WHERE Id = {middle}");
        var gap = await VerifyAsync(admin);
        Assert.Equal((false, middle), (gap.Intact, gap.BrokenAt));
        Assert.Contains("missing", gap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_resets_a_password_locks_and_unlocks_an_account_and_gives_it_desks_all_audited()
    {
        using var admin = _app.Client(_hall.Admin);
        var desk = _hall.DeskOf("energy");
        await _app.OfficerAsync(_hall.Admin, "dana", desk.Id);
        var dana = (await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(a => a.UserName == "dana");
        Assert.Equal(["officer"], dana.Roles);
        Assert.Equal([desk.Id], dana.DeskIds);
        Assert.False(dana.Locked);

        async Task<System.Net.HttpStatusCode> LoginAsync(string password)
        {
            using var anonymous = _app.Client(Caller.Anonymous);
            return (await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest("dana", password))).StatusCode;
        }

        await (await admin.PostAsJsonAsync($"/api/admin/staff/{dana.Id}/password", new ResetPasswordRequest("short")))
            .ProblemAsync(System.Net.HttpStatusCode.BadRequest, ProblemTypes.WeakPassword);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, await LoginAsync("Officer-pass-1")); // the refused reset changed nothing
        (await admin.PostAsJsonAsync($"/api/admin/staff/{dana.Id}/password", new ResetPasswordRequest("Jana-kupiya-2026"))).EnsureSuccessStatusCode();
        Assert.NotEqual(System.Net.HttpStatusCode.NoContent, await LoginAsync("Officer-pass-1"));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, await LoginAsync("Jana-kupiya-2026"));

        (await admin.PostAsJsonAsync($"/api/admin/staff/{dana.Id}/lock", new LockAccountRequest(true))).EnsureSuccessStatusCode();
        Assert.NotEqual(System.Net.HttpStatusCode.NoContent, await LoginAsync("Jana-kupiya-2026"));
        Assert.True((await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(a => a.Id == dana.Id).Locked);
        (await admin.PostAsJsonAsync($"/api/admin/staff/{dana.Id}/lock", new LockAccountRequest(false))).EnsureSuccessStatusCode();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, await LoginAsync("Jana-kupiya-2026"));

        var water = _hall.DeskOf("water");
        (await admin.PutAsJsonAsync($"/api/admin/staff/{dana.Id}/desks", new OfficerDesksRequest([water.Id]))).EnsureSuccessStatusCode();
        await (await admin.PutAsJsonAsync($"/api/admin/staff/{dana.Id}/desks", new OfficerDesksRequest([99999])))
            .ProblemAsync(System.Net.HttpStatusCode.NotFound, ProblemTypes.UnknownDesk);
        using var officer = _app.Client(await _app.LoginAsync("dana", "Jana-kupiya-2026"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await officer.PostAsync(new Uri($"/api/desks/{water.Id}/open", UriKind.Relative), null)).StatusCode);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null)).StatusCode);

        var actions = (await EntriesAsync(admin)).Where(e => e.Subject == "dana").Select(e => e.Action).Reverse().ToList();
        Assert.Equal(["staff.create", "staff.password-reset", "staff.lock", "staff.unlock", "staff.desks"], actions);
        Assert.True((await VerifyAsync(admin)).Intact);
    }
}
