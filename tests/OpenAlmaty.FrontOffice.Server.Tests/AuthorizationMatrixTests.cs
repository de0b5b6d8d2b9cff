using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// Every endpoint and hub method, called by every kind of caller: allowed where the contract
/// allows, refused (401 or 403) everywhere else. A new endpoint without a row here fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private enum Who { Anonymous, Kiosk, Display, Officer, Admin }

    private static readonly Who[] Everyone = [Who.Anonymous, Who.Kiosk, Who.Display, Who.Officer, Who.Admin];
    private static readonly Who[] Hall = [Who.Kiosk, Who.Display, Who.Officer, Who.Admin];
    private static readonly Who[] Staff = [Who.Officer, Who.Admin];

    /// <summary>Method and route pattern → who may call it.</summary>
    private static readonly Dictionary<string, Who[]> Matrix = new()
    {
        ["GET /health"] = Everyone,
        ["GET /openapi/v1.json"] = Everyone,
        ["GET /api/reference/{documentName?}"] = Everyone,
        ["GET /api/reference/scalar.js"] = Everyone,
        ["GET /api/reference/scalar.aspnetcore.js"] = Everyone,
        ["GET /api/reference/favicon.svg"] = Everyone,
        ["POST /api/auth/login"] = Everyone,
        ["POST /api/auth/password"] = Everyone,
        ["GET /login/password"] = Everyone,
        ["POST /login/password"] = Everyone,
        ["POST /api/auth/logout"] = Hall,
        ["GET /api/auth/me"] = Hall,
        ["GET /api/roster"] = Hall,
        ["GET /api/snapshot"] = Hall,
        ["GET /api/events"] = Hall,
        ["POST /api/tickets"] = [Who.Kiosk],
        ["GET /api/public/tickets/{publicId}"] = Everyone,
        ["POST /api/tickets/{id:guid}/start"] = [Who.Officer],
        ["POST /api/tickets/{id:guid}/recall"] = [Who.Officer],
        ["POST /api/tickets/{id:guid}/no-show"] = [Who.Officer],
        ["POST /api/tickets/{id:guid}/park"] = [Who.Officer],
        ["POST /api/tickets/{id:guid}/unpark"] = [Who.Officer],
        ["POST /api/tickets/{id:guid}/rejoin"] = [Who.Officer],
        ["POST /api/tickets/{id:guid}/complete"] = [Who.Officer],
        ["POST /api/tickets/{id:guid}/transfer"] = [Who.Officer],
        ["POST /api/desks/{deskId:int}/call-next"] = [Who.Officer],
        ["POST /api/desks/{deskId:int}/open"] = [Who.Officer],
        ["POST /api/desks/{deskId:int}/close"] = [Who.Officer],
        ["POST /api/admin/devices"] = [Who.Admin],
        ["GET /api/admin/devices"] = [Who.Admin],
        ["DELETE /api/admin/devices/{id:guid}"] = [Who.Admin],
        ["POST /api/admin/officers"] = [Who.Admin],
        ["PUT /api/admin/devices/{id:guid}/printer"] = [Who.Admin],
        ["POST /api/admin/devices/{id:guid}/printer/test"] = [Who.Admin],
        ["GET /api/admin/printing/preview.png"] = [Who.Admin],
        ["POST /api/tickets/{id:guid}/reprint"] = Staff,
        ["GET /api/tickets/{id:guid}/ticket.pdf"] = Staff,
        ["GET /kiosk/enrol"] = Everyone,
        ["GET /t/{PublicId}"] = Everyone,
        ["GET /b/{Code}"] = Everyone,
        ["POST /b/{Code}"] = Everyone,
        ["POST /t/{PublicId}"] = Everyone,
        ["GET /kiosk"] = [Who.Kiosk],
        ["POST /kiosk"] = [Who.Kiosk],
        ["POST /api/admin/desks"] = [Who.Admin],
        ["GET /api/admin/devices/{id:guid}/print-jobs"] = [Who.Admin],
        ["GET /lang"] = Everyone,
        ["GET /display/enrol"] = Everyone,
        ["GET /api/receptions/sessions"] = Hall,
        ["POST /api/receptions/sessions"] = [Who.Admin],
        ["POST /api/receptions/sessions/{id:guid}/reschedule"] = [Who.Admin],
        ["POST /api/receptions/sessions/{id:guid}/cancel"] = [Who.Admin],
        ["POST /api/receptions/schedules"] = [Who.Admin],
        ["POST /api/receptions/appeals"] = [Who.Admin, Who.Officer],
        ["POST /api/receptions/appeals/{id:guid}/extend"] = [Who.Admin],
        ["POST /api/receptions/appeals/{id:guid}/close"] = [Who.Admin, Who.Officer],
        ["GET /api/receptions/appeals"] = [Who.Admin],
        ["GET /api/receptions/appeals/visits"] = [Who.Admin],
        ["GET /admin/appeals"] = [Who.Admin],
        ["POST /admin/appeals"] = [Who.Admin],
        ["GET /api/receptions/notices"] = [Who.Admin, Who.Officer],
        ["GET /admin/receptions"] = [Who.Admin],
        ["POST /admin/receptions"] = [Who.Admin],
        ["GET /api/receptions/day"] = [Who.Admin, Who.Officer],
        ["GET /api/receptions/calendar"] = [Who.Admin, Who.Officer],
        ["GET /api/receptions/sessions/{id:guid}/bookings"] = [Who.Admin, Who.Officer],
        ["PUT /api/receptions/calendar"] = [Who.Admin],
        ["GET /admin/calendar"] = [Who.Admin],
        ["GET /admin/privacy"] = [Who.Admin],
        ["POST /admin/privacy"] = [Who.Admin],
        ["GET /api/admin/retention"] = [Who.Admin],
        ["PUT /api/admin/retention"] = [Who.Admin],
        ["GET /api/admin/audit"] = [Who.Admin],
        ["GET /api/admin/reports"] = [Who.Admin],
        ["GET /api/admin/dashboard"] = [Who.Admin],
        ["GET /api/admin/staff"] = [Who.Admin],
        ["POST /api/admin/staff/{id}/password"] = [Who.Admin],
        ["POST /api/admin/staff/{id}/lock"] = [Who.Admin],
        ["PUT /api/admin/staff/{id}/desks"] = [Who.Admin],
        ["GET /admin/people"] = [Who.Admin],
        ["POST /admin/people"] = [Who.Admin],
        ["GET /admin/dashboard"] = [Who.Admin],
        ["POST /admin/dashboard"] = [Who.Admin],
        ["GET /admin/reports"] = [Who.Admin],
        ["POST /admin/reports"] = [Who.Admin],
        ["PUT /api/admin/agencies/{id:int}"] = [Who.Admin],
        ["DELETE /api/admin/services/{id:int}"] = [Who.Admin],
        ["POST /api/public/tickets/{publicId}/rating"] = Everyone,
        ["POST /api/admin/audit/verify"] = [Who.Admin],
        ["GET /admin/audit"] = [Who.Admin],
        ["GET /admin/roster"] = [Who.Admin],
        ["POST /admin/roster"] = [Who.Admin],
        ["POST /admin/audit"] = [Who.Admin],
        ["POST /admin/calendar"] = [Who.Admin],
        ["POST /api/receptions/bookings"] = [Who.Kiosk, Who.Admin, Who.Officer],
        ["GET /api/receptions/bookings/{code}"] = Everyone,
        ["GET /api/receptions/bookings/{code}/calendar.ics"] = Everyone,
        ["DELETE /api/receptions/bookings/{code}"] = Everyone,
        ["POST /api/receptions/bookings/{code}/confirm"] = Everyone,
        ["POST /api/receptions/bookings/{code}/move"] = [Who.Admin, Who.Officer],
        ["POST /api/receptions/check-in"] = [Who.Kiosk, Who.Admin, Who.Officer],
        ["GET /admin/displays/{Id:guid}"] = [Who.Admin],
        ["POST /admin/displays/{Id:guid}"] = [Who.Admin],
        ["GET /display/{Name}"] = [Who.Display],
        ["POST /display/{Name}"] = [Who.Display],
        ["GET /phrases/{**clip}"] = Everyone,
        ["PUT /api/admin/devices/{id:guid}/display"] = [Who.Admin],
        ["GET /api/desks/{deskId:int}/console"] = [Who.Officer],
        ["POST /api/desks/{deskId:int}/call"] = [Who.Officer],
        ["GET /desk"] = [Who.Officer],
        ["POST /desk"] = [Who.Officer],
        ["GET /desk/{DeskId:int}"] = [Who.Officer],
        ["POST /desk/{DeskId:int}"] = [Who.Officer],
        ["GET /admin"] = [Who.Admin],
        ["POST /admin"] = [Who.Admin],
        ["GET /admin/devices"] = [Who.Admin],
        ["POST /admin/devices"] = [Who.Admin],
        ["GET /admin/devices/{Id:guid}"] = [Who.Admin],
        ["POST /admin/devices/{Id:guid}"] = [Who.Admin],
        ["GET /login"] = Everyone,
        ["POST /login"] = Everyone,
        // The start page: anyone may read it; its "make this browser a device" form checks for an admin itself.
        ["GET /"] = Everyone,
        ["POST /"] = Everyone,
        ["POST /logout"] = Everyone,
        ["PUT /api/admin/desks/{id:int}"] = [Who.Admin],
        ["DELETE /api/admin/desks/{id:int}"] = [Who.Admin],
        ["POST /api/admin/agencies"] = [Who.Admin],
        ["DELETE /api/admin/agencies/{id:int}"] = [Who.Admin],
        ["POST /api/admin/agencies/{id:int}/services"] = [Who.Admin],
        ["PUT /api/admin/services/{id:int}"] = [Who.Admin],
        ["POST /api/admin/agencies/{id:int}/restore"] = [Who.Admin],
        ["POST /api/admin/services/{id:int}/restore"] = [Who.Admin],
        ["POST /api/admin/desks/{id:int}/restore"] = [Who.Admin],
    };

    private static readonly Dictionary<string, Who[]> HubMatrix = new()
    {
        [nameof(IFrontOfficeHub.GetSnapshot)] = Hall,
        [nameof(IFrontOfficeHub.GetEventsAfter)] = Hall,
        [nameof(IFrontOfficeHub.CallNext)] = [Who.Officer],
        [nameof(IFrontOfficeHub.RegisterPrintAgent)] = [Who.Kiosk],
        [nameof(IFrontOfficeHub.ReportPrinterStatus)] = [Who.Kiosk],
    };

    private readonly FrontOfficeApp _app = new();
    private readonly Dictionary<Who, Caller> _callers = [];
    private int _deskId;

    public async Task InitializeAsync()
    {
        var hall = await Scenario.StartAsync(_app);
        _deskId = hall.DeskOf("energy").Id;
        _callers[Who.Anonymous] = Caller.Anonymous;
        _callers[Who.Kiosk] = hall.Kiosk;
        _callers[Who.Display] = hall.Display;
        _callers[Who.Admin] = hall.Admin;
        _callers[Who.Officer] = await _app.OfficerAsync(hall.Admin, "matrix-officer", _deskId);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Every_endpoint_has_a_row_in_the_matrix()
    {
        var mapped = MappedEndpoints().ToHashSet();
        Assert.True(!mapped.Except(Matrix.Keys).Any(), string.Join(" | ", mapped.Except(Matrix.Keys)));
        Assert.Empty(Matrix.Keys.Except(mapped));
        Assert.Equal(typeof(IFrontOfficeHub).GetMethods().Select(m => m.Name).Order(), HubMatrix.Keys.Order());
    }

    [Fact]
    public async Task Each_endpoint_allows_exactly_its_callers()
    {
        var failures = new List<string>();
        foreach (var (endpoint, allowed) in Matrix.Where(m => !m.Key.Contains("/logout", StringComparison.Ordinal)).Append(Logout()))
        {
            foreach (var who in Everyone)
            {
                var response = await SendAsync(endpoint, _callers[who]);
                var body = await response.Content.ReadAsStringAsync();
                var refusedByPolicy = (response.StatusCode == HttpStatusCode.Unauthorized && body.Contains(ProblemTypes.Unauthorized, StringComparison.Ordinal))
                    || (response.StatusCode == HttpStatusCode.Forbidden && body.Contains(ProblemTypes.Forbidden, StringComparison.Ordinal));
                var expectRefusal = !allowed.Contains(who);
                if (refusedByPolicy != expectRefusal)
                {
                    failures.Add($"{endpoint} as {who}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 120)]}");
                }

                if (expectRefusal)
                {
                    Assert.Equal(who == Who.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Each_hub_method_allows_exactly_its_callers()
    {
        // Nobody connects to the hub without being a known staff member or device.
        await using (var anonymous = _app.Hub(Caller.Anonymous))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
        }

        foreach (var who in Hall)
        {
            await using var hub = _app.Hub(_callers[who]);
            await hub.StartAsync();
            foreach (var (method, allowed) in HubMatrix)
            {
                Func<Task> call = method switch
                {
                    nameof(IFrontOfficeHub.GetSnapshot) => () => hub.InvokeAsync<SnapshotDto>(method),
                    nameof(IFrontOfficeHub.GetEventsAfter) => () => hub.InvokeAsync<HallEventsDto>(method, 0L),
                    nameof(IFrontOfficeHub.CallNext) => () => hub.InvokeAsync<TicketDto?>(method, _deskId, Guid.NewGuid().ToString()),
                    nameof(IFrontOfficeHub.RegisterPrintAgent) => () => hub.InvokeAsync(method),
                    nameof(IFrontOfficeHub.ReportPrinterStatus) => () => hub.InvokeAsync(method, "ready"),
                    _ => throw new InvalidOperationException(method),
                };
                if (allowed.Contains(who))
                {
                    await call();
                }
                else
                {
                    var refused = await Assert.ThrowsAsync<HubException>(call);
                    Assert.Contains("unauthorized", refused.Message, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public async Task Login_is_rate_limited()
    {
        // No first-sign-in change here: it would be one of the three attempts of this address.
        await using var app = new FrontOfficeApp { LoginAttemptsPerMinute = 3, ChangesBootstrapPassword = false };
        using var client = app.Client(Caller.Anonymous);
        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", "wrong-password"));
            await attempt.ProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.LoginFailed);
        }

        var limited = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword));
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests, ProblemTypes.TooManyRequests);
    }

    private static KeyValuePair<string, Who[]> Logout() => new("POST /api/auth/logout", Matrix["POST /api/auth/logout"]);

    private IEnumerable<string> MappedEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith(FrontOfficeRoutes.Hub, StringComparison.Ordinal))
            // Static files (fonts, styles, blazor.web.js) are public by nature: nothing to authorize.
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            // Blazor's circuit and framework endpoints: the pages on them are authorized by route (the /kiosk rows).
            .Where(e => !(e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith('_') && (e.RoutePattern.RawText ?? "").TrimStart('/') != "{**path:file}")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {"/" + (e.RoutePattern.RawText ?? "").TrimStart('/')}"));

    private async Task<HttpResponseMessage> SendAsync(string endpoint, Caller caller)
    {
        var (method, pattern) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var path = pattern
            .Replace("{documentName?}", "v1", StringComparison.Ordinal)
            .Replace("{publicId}", "no-such-ticket", StringComparison.OrdinalIgnoreCase)
            .Replace("{Name}", "hall", StringComparison.Ordinal)
            .Replace("{code}", "NOSUCHCODE", StringComparison.OrdinalIgnoreCase)
            .Replace("{**clip}", "chime.wav", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.OrdinalIgnoreCase)
            .Replace("{deskId:int}", _deskId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
            .Replace("{id:int}", "99999", StringComparison.Ordinal);
        using var client = _app.Client(caller);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
