using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>Security headers on every answer, and an idempotency key that cannot be reused for another request.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var requests = new (Caller Who, HttpMethod Method, string Path, string? Accept)[]
        {
            (Caller.Anonymous, HttpMethod.Get, "/health", null),
            (Caller.Anonymous, HttpMethod.Get, "/login", "text/html"),
            (Caller.Anonymous, HttpMethod.Get, "/admin", "text/html"),
            (Caller.Anonymous, HttpMethod.Get, "/kiosk", "text/html"),
            (Caller.Anonymous, HttpMethod.Get, "/api/roster", null),
            (Caller.Anonymous, HttpMethod.Get, "/openapi/v1.json", null),
            (Caller.Anonymous, HttpMethod.Get, "/api/reference/", "text/html"),
            (Caller.Anonymous, HttpMethod.Get, "/_framework/blazor.web.js", null),
            (Caller.Anonymous, HttpMethod.Get, "/no/such/page", "text/html"),
            (Caller.Anonymous, HttpMethod.Post, "/api/auth/login", null),
            (_hall.Admin, HttpMethod.Get, "/admin/devices", "text/html"),
            (_hall.Admin, HttpMethod.Get, "/api/admin/devices", null),
            (_hall.Kiosk, HttpMethod.Get, "/kiosk", "text/html"),
        };
        foreach (var (who, method, path, accept) in requests)
        {
            using var client = _app.Client(who);
            using var request = new HttpRequestMessage(method, path);
            if (accept is not null)
            {
                request.Headers.Accept.ParseAdd(accept);
            }

            if (method == HttpMethod.Post)
            {
                request.Content = JsonContent.Create(new LoginRequest("nobody", "nothing"));
            }

            var response = await client.SendAsync(request);
            var where = $"{method} {path} ({(int)response.StatusCode})";
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), where + ": no CSP");
            var policy = string.Join(";", csp!);
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task A_reused_idempotency_key_with_another_body_is_refused()
    {
        using var kiosk = _app.Client(_hall.Kiosk, "ru-RU");
        var energy = _hall.Service("energy");
        var first = await (await kiosk.IssueAsync(energy.Id, key: "tap-1")).OkAsync<TicketDto>();

        // The same tap again is the same ticket; the same key for another service is a client's bug, said plainly.
        var again = await (await kiosk.IssueAsync(energy.Id, key: "tap-1")).OkAsync<TicketDto>();
        Assert.Equal(first.Id, again.Id);
        var refused = await (await kiosk.IssueAsync(_hall.Service("water").Id, key: "tap-1"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
        Assert.False(string.IsNullOrWhiteSpace(refused.GetProperty("title").GetString()));
        await (await kiosk.IssueAsync(energy.Id, key: "tap-1", priority: TicketPriority.Elderly))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
        await (await kiosk.IssueAsync(energy.Id, key: "tap-1", language: VisitorLanguage.Ru))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);

        using var admin = _app.Client(_hall.Admin);
        var snapshot = (await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        Assert.Equal(1, snapshot.Queues.Sum(q => q.Waiting));
    }

    [Fact]
    public async Task A_call_key_used_at_one_desk_is_refused_at_another()
    {
        var energyDesk = _hall.DeskOf("energy");
        var waterDesk = _hall.DeskOf("water");
        var officer = await _app.OfficerAsync(_hall.Admin, "two-desk-officer", energyDesk.Id, waterDesk.Id);
        using var desk = _app.Client(officer);
        foreach (var id in new[] { energyDesk.Id, waterDesk.Id })
        {
            (await desk.PostAsJsonAsync($"/api/desks/{id}/open", new { })).EnsureSuccessStatusCode();
        }

        using var kiosk = _app.Client(_hall.Kiosk);
        var ticket = await kiosk.IssuedAsync(_hall.Service("energy").Id);
        await kiosk.IssuedAsync(_hall.Service("water").Id);
        var called = await (await desk.CallNextAsync(energyDesk.Id, "click-1")).OkAsync<TicketDto>();
        Assert.Equal(ticket.Id, called.Id);
        await (await desk.CallNextAsync(waterDesk.Id, "click-1")).ProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
    }
}
