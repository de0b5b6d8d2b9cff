using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>The start page at <c>/</c>: a page in the visitor's language, and a device made only by an admin.</summary>
public sealed partial class StartPageTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null, null, "kk", "Зал беттері")]
    [InlineData(null, "ru-RU,ru;q=0.9", "ru", "Страницы зала")]
    [InlineData("en", "ru", "en", "The hall's pages")]
    [InlineData("ru", null, "ru", "Войти")]
    public async Task The_start_page_is_html_in_the_language_asked_for_or_the_browsers(string? lang, string? accept, string shown, string text)
    {
        using var client = _app.Client(Caller.Anonymous, accept);
        var response = await client.GetAsync(new Uri(lang is null ? "/" : $"/?lang={lang}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"data-lang=\"{shown}\"", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/login\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"make-device\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_makes_a_browser_a_device_a_forged_form_from_anyone_else_enrols_nothing()
    {
        var admin = await _app.AdminAsync();
        var officer = await _app.OfficerAsync(admin, "aru", (await _app.RosterAsync(admin)).Desks[0].Id);
        foreach (var caller in new[] { Caller.Anonymous, officer })
        {
            using var client = _app.Client(caller);
            // The form's antiforgery token, taken from a page anyone may open.
            var login = await client.GetAsync(new Uri("/login", UriKind.Relative));
            var token = TokenField().Match(await login.Content.ReadAsStringAsync()).Groups[1].Value;
            var antiforgery = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            using var post = new HttpRequestMessage(HttpMethod.Post, "/")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "make-device", ["__RequestVerificationToken"] = token, ["Device.Name"] = "forged", ["Device.Kind"] = "kiosk",
                }),
            };
            post.Headers.Add("Cookie", string.Join("; ", new[] { caller.Cookie, antiforgery }.Where(c => c is not null)));
            var response = await client.SendAsync(post);
            // The form is drawn for admins only, so the page refuses a post to it before any handler runs.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("make-device", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var api = _app.Client(admin);
        Assert.DoesNotContain(await api.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices") ?? [], d => d.Name == "forged");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
