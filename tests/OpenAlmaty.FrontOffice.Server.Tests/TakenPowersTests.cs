using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// A taken power is gone everywhere within seconds: a lock, a new password, a sign-out or a revoked
/// device ends the open hub connections and API sessions that carry it, not only new sign-ins.
/// Real SignalR clients over WebSockets, real cookies copied as an attacker would copy them.
/// </summary>
public sealed class TakenPowersTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_locked_officers_listening_hub_connection_is_closed_within_five_seconds_and_cannot_come_back()
    {
        var officer = await _app.OfficerAsync(_hall.Admin, "asel", _hall.DeskOf("energy").Id);
        await using var hub = _app.Hub(officer);
        await hub.StartAsync();
        var closed = ClosedOf(hub);

        var took = await TakeAsync(() => LockAsync("asel"), closed);

        Assert.True(took < Within, $"the connection lasted {took.TotalSeconds:F1} s after the lock");
        await using var again = _app.Hub(officer);
        await Assert.ThrowsAnyAsync<Exception>(() => again.StartAsync());
    }

    [Fact]
    public async Task A_locked_officer_calls_nobody_through_a_connection_opened_before_the_lock()
    {
        var energy = _hall.Service("energy");
        var desk = _hall.DeskOf("energy");
        var officer = await _app.OfficerAsync(_hall.Admin, "berik", desk.Id);
        using (var console = _app.Client(officer))
        {
            Assert.Equal(HttpStatusCode.OK, (await console.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null)).StatusCode);
        }

        using var kiosk = _app.Client(_hall.Kiosk);
        var waiting = await kiosk.IssuedAsync(energy.Id);
        await using var hub = _app.Hub(officer);
        await hub.StartAsync();

        await LockAsync("berik");
        // At once, before the watch's round: the invocation itself asks.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            hub.InvokeAsync<TicketDto?>(nameof(IFrontOfficeHub.CallNext), desk.Id, Guid.NewGuid().ToString()));
        if (refused is HubException hubException)
        {
            Assert.Contains(ProblemTypes.AccountLocked, hubException.Message, StringComparison.Ordinal);
        }

        using var phone = _app.Client(Caller.Anonymous);
        var ticket = (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{waiting.PublicId}"))!;
        Assert.Equal("Waiting", ticket.State);
    }

    [Fact]
    public async Task A_revoked_displays_hub_connection_is_closed_within_five_seconds_and_hears_no_more_calls()
    {
        await using var display = _app.Hub(_hall.Display);
        var issued = 0;
        display.On<TicketIssuedEvent>(nameof(IFrontOfficeClient.TicketIssued), _ => Interlocked.Increment(ref issued));
        await display.StartAsync();
        var closed = ClosedOf(display);
        var id = await DeviceIdAsync("Main hall");

        using var admin = _app.Client(_hall.Admin);
        var took = await TakeAsync(async () => Assert.True((await admin.DeleteAsync(new Uri($"/api/admin/devices/{id}", UriKind.Relative))).IsSuccessStatusCode), closed);

        Assert.True(took < Within, $"the display's connection lasted {took.TotalSeconds:F1} s after the revocation");
        var heard = Volatile.Read(ref issued);
        using var kiosk = _app.Client(_hall.Kiosk);
        await kiosk.IssuedAsync(_hall.Service("energy").Id);
        await Task.Delay(300);
        Assert.Equal(heard, Volatile.Read(ref issued));
    }

    [Fact]
    public async Task A_cookie_copied_before_the_sign_out_is_refused_after_it_and_its_hub_connection_ends()
    {
        var officer = await _app.OfficerAsync(_hall.Admin, "dana", _hall.DeskOf("energy").Id);
        using var copied = _app.Client(officer);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        await using var hub = _app.Hub(officer);
        await hub.StartAsync();
        var closed = ClosedOf(hub);

        using var owner = _app.Client(officer);
        var took = await TakeAsync(async () =>
            Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).StatusCode), closed);

        Assert.True(took < Within, $"the hub connection lasted {took.TotalSeconds:F1} s after the sign-out");
        await (await copied.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.SignInChanged);
        var desk = _hall.DeskOf("energy").Id;
        await (await copied.PostAsync(new Uri($"/api/desks/{desk}/open", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.SignInChanged);
        // Signing in again gives a working session: only the old ones ended.
        using var fresh = _app.Client(await _app.LoginAsync("dana", "Officer-pass-1"));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_new_password_set_by_the_admin_ends_the_officers_api_session_and_hub_connection()
    {
        var officer = await _app.OfficerAsync(_hall.Admin, "erlan", _hall.DeskOf("energy").Id);
        using var session = _app.Client(officer);
        await using var hub = _app.Hub(officer);
        await hub.StartAsync();
        var closed = ClosedOf(hub);

        using var admin = _app.Client(_hall.Admin);
        var id = await AccountIdAsync("erlan");
        var took = await TakeAsync(async () =>
            Assert.True((await admin.PostAsJsonAsync($"/api/admin/staff/{id}/password", new ResetPasswordRequest("Fresh-password-7"))).IsSuccessStatusCode), closed);

        Assert.True(took < Within, $"the hub connection lasted {took.TotalSeconds:F1} s after the new password");
        await (await session.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.SignInChanged);
    }

    private static Task ClosedOf(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    /// <returns>How long after <paramref name="take"/> finished <paramref name="ended"/> completed (failing past twice the bound).</returns>
    private static async Task<TimeSpan> TakeAsync(Func<Task> take, Task ended)
    {
        await take();
        var watch = Stopwatch.StartNew();
        await ended.WaitAsync(Within * 2);
        return watch.Elapsed;
    }

    private async Task LockAsync(string userName)
    {
        using var admin = _app.Client(_hall.Admin);
        var id = await AccountIdAsync(userName);
        Assert.True((await admin.PostAsJsonAsync($"/api/admin/staff/{id}/lock", new LockAccountRequest(true))).IsSuccessStatusCode);
    }

    private async Task<string> AccountIdAsync(string userName)
    {
        using var admin = _app.Client(_hall.Admin);
        return (await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(a => a.UserName == userName).Id;
    }

    private async Task<Guid> DeviceIdAsync(string name)
    {
        using var admin = _app.Client(_hall.Admin);
        return (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Name == name).Id;
    }
}
