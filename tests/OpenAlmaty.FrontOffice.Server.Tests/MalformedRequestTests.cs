using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>Requests a client got wrong get a clear 4xx, never a 500, and leave no stack trace in the log.</summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;
    private Caller _officer = null!;
    private DeskDto _desk = null!;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        _desk = _hall.DeskOf("energy");
        _officer = await _app.OfficerAsync(_hall.Admin, "malformed-officer", _desk.Id);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_charset_the_server_does_not_speak_gets_415_on_every_kind_of_endpoint()
    {
        var requests = new (Caller Who, string Path)[]
        {
            (Caller.Anonymous, "/api/auth/login"),
            (Caller.Anonymous, "/api/public/tickets/no-such-ticket/rating"),
            (_hall.Kiosk, "/api/tickets"),
            (_hall.Kiosk, "/api/receptions/check-in"),
            (_hall.Admin, "/api/admin/agencies"),
            (_hall.Admin, "/api/admin/devices"),
            (_officer, $"/api/desks/{_desk.Id}/close"),
        };
        foreach (var charset in new[] { "ebcdic", "utf-16", "x-unknown", "\"utf-7\"" })
        {
            foreach (var (who, path) in requests)
            {
                using var client = _app.Client(who, "ru-RU");
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent("{}"u8.ToArray()) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
                request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
                var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
            }
        }

        // UTF-8 said in any spelling is fine.
        using var kiosk = _app.Client(_hall.Kiosk);
        using var utf8 = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"serviceId\":{_hall.Service("energy").Id}}}")),
        };
        utf8.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"UTF-8\"");
        utf8.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await kiosk.SendAsync(utf8)).StatusCode);

        Assert.Empty(_app.ErrorLog);
    }

    [Fact]
    public async Task An_agency_without_its_first_service_is_a_validation_problem()
    {
        using var admin = _app.Client(_hall.Admin);
        await (await admin.PostAsJsonAsync("/api/admin/agencies", new
        {
            code = "new-agency", kind = "agency", nameKk = "Жаңа басқарма", nameRu = "Новое управление", nameEn = "New department", topics = Array.Empty<string>(),
        })).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await admin.PostAsync(new Uri("/api/admin/agencies", UriKind.Relative), new StringContent("null", Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.DoesNotContain((await _app.RosterAsync(_hall.Admin)).Agencies, a => a.Code == "new-agency");
        Assert.Empty(_app.ErrorLog);
    }

    [Fact]
    public async Task The_console_of_a_desk_that_is_not_yours_and_of_no_desk_at_all_says_so()
    {
        var notMine = _hall.DeskOf("water");
        using var officer = _app.Client(_officer);
        officer.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var page = await officer.GetAsync(new Uri($"/desk/{notMine.Id}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {html[..Math.Min(html.Length, 300)]}");
        Assert.Contains($"Окно {notMine.Number} за вами не закреплено", html, StringComparison.Ordinal);

        var unknown = await officer.GetAsync(new Uri("/desk/9999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Такого окна нет", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var deskless = await _app.OfficerAsync(_hall.Admin, "no-desk-officer");
        using var nobody = _app.Client(deskless);
        nobody.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var none = await nobody.GetAsync(new Uri("/desk", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("За вами не закреплено окно", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(_app.ErrorLog);
    }
}
