using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using OpenAlmaty.FrontOffice.Server.Features.Admin;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>The QR on tickets opens PublicBaseUrl: a loopback one on a server reached over the network is said at start and on the dashboard.</summary>
public sealed class PublicAddressTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private readonly LogCapture _log = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://app.localhost:5080", true)]
    [InlineData("http://192.168.1.10:5080", false)]
    [InlineData("https://queue.open-almaty.kz", false)]
    public void A_public_address_is_loopback_when_a_phone_would_take_it_for_itself(string url, bool loopback) =>
        Assert.Equal(loopback, PublicAddress.IsLoopback(url));

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    public void A_listening_address_reaches_only_this_machine_when_it_is_loopback(string address, bool loopbackOnly) =>
        Assert.Equal(loopbackOnly, PublicAddress.ListensOnLoopbackOnly(address));

    [Fact]
    public async Task A_loopback_public_address_on_a_server_listening_on_every_interface_is_warned_in_the_log_and_on_the_dashboard()
    {
        var app = Configured("http://0.0.0.0:5080", "http://localhost:5080");
        var html = await DashboardAsync(app);

        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(PublicAddress).FullName);
        Assert.Contains("http://localhost:5080", warning.Message, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:5080", warning.Message, StringComparison.Ordinal);
        Assert.Contains("data-test=\"public-address-warning\"", html, StringComparison.Ordinal);
        Assert.Contains("Телефоны посетителей ничего не откроют", html, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/t/…", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://192.168.1.10:5080")]
    [InlineData("http://127.0.0.1:5080", "http://localhost:5080")]
    public async Task A_public_address_that_can_work_gets_no_warning_and_the_dashboard_shows_what_the_qr_opens(string urls, string publicBaseUrl)
    {
        var app = Configured(urls, publicBaseUrl);
        var html = await DashboardAsync(app);

        Assert.DoesNotContain(_log.Entries, e => e.Category == typeof(PublicAddress).FullName);
        Assert.DoesNotContain("public-address-warning", html, StringComparison.Ordinal);
        Assert.Contains($"{publicBaseUrl}/t/…", html, StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> Configured(string urls, string publicBaseUrl) => _app.WithWebHostBuilder(b => b
        .UseSetting("urls", urls)
        .UseSetting("FrontOffice:PublicBaseUrl", publicBaseUrl)
        .ConfigureLogging(l => l.AddProvider(_log)));

    /// <summary>The admin's dashboard as the server first renders it (Russian).</summary>
    private static async Task<string> DashboardAsync(WebApplicationFactory<Program> app)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/auth/login", new Contracts.LoginRequest("admin", FrontOfficeApp.AdminPassword));
        login.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/dashboard");
        request.Headers.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Append("oa.lang=ru")));
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
