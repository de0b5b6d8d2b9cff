using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>Who is calling: nobody, a staff cookie or a device token.</summary>
public sealed record Caller(string Name, string? Cookie = null, string? Token = null)
{
    public static readonly Caller Anonymous = new("anonymous");
}

/// <summary>
/// The real server in-process on its own SQLite file, with a fake clock set to a Monday morning
/// in Almaty. Each test class owns one.
/// </summary>
public sealed class FrontOfficeApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = ServerProcess.AdminPassword;

    /// <summary>The first admin password the server is started with; it must be changed at first sign-in.</summary>
    public const string BootstrapPassword = ServerProcess.BootstrapPassword;

    /// <summary>True: once started, the admin's first sign-in changes the bootstrap password to <see cref="AdminPassword"/>, as a person would.</summary>
    public bool ChangesBootstrapPassword { get; init; } = true;

    /// <summary>Monday 30 November 2026, 10:00 in Almaty (UTC+5).</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 30, 5, 0, 0, TimeSpan.Zero);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "oa-test-" + Guid.NewGuid().ToString("N"));
    public FakeTimeProvider Clock { get; } = new(MondayMorning);
    public int LoginAttemptsPerMinute { get; init; } = 1000;
    public int ReceptionRetentionDays { get; init; } = 365;
    public int CodeLookupsPerMinute { get; init; } = 1000;
    public int PrinterPollSeconds { get; init; } = 30;

    /// <summary>False: the hourly housekeeping never runs, so a test can tell what a clock jump and a read do on their own.</summary>
    public bool RunsHousekeeping { get; init; } = true;

    /// <summary>
    /// The client address a request comes from, as a test says with this header (the TCP peer of an
    /// in-process server is nobody). Only the test harness reads it, before the server's own pipeline.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>What the server logged at Error or above, with the exception: a refusal must never leave a stack trace here.</summary>
    public ConcurrentQueue<string> ErrorLog { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("FrontOffice:DataDirectory", DataDirectory);
        builder.UseSetting("FrontOffice:Bootstrap:AdminPassword", BootstrapPassword);
        builder.UseSetting("FrontOffice:AllowRoot", "true"); // CI may run as root
        builder.UseSetting("FrontOffice:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("FrontOffice:PrinterPollSeconds", PrinterPollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("FrontOffice:CodeLookupsPerMinute", CodeLookupsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("FrontOffice:ReceptionRetentionDays", ReceptionRetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(ErrorLog)));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ClientAddressFromHeader());
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (!RunsHousekeeping)
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && d.ImplementationType == typeof(OpenAlmaty.FrontOffice.Server.Realtime.Housekeeping)));
            }
        });
    }

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (ChangesBootstrapPassword)
        {
            using var client = new HttpClient(Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestServer(host).CreateHandler())
            {
                BaseAddress = new Uri("http://localhost"),
            };
            ServerProcess.ChangeBootstrapPasswordAsync(client).GetAwaiter().GetResult();
        }

        return host;
    }

    /// <summary>A client as the caller; with a staff cookie it also sends the header the app's own scripts send (a form post cannot).</summary>
    public HttpClient Client(Caller caller, string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        if (caller.Cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", caller.Cookie);
            client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        }

        if (caller.Token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public async Task<Caller> LoginAsync(string userName, string password)
    {
        using var client = Client(Caller.Anonymous);
        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oa.staff=", StringComparison.Ordinal));
        return new Caller(userName, Cookie: cookie.Split(';')[0]);
    }

    public Task<Caller> AdminAsync() => LoginAsync("admin", AdminPassword);

    public async Task<Caller> EnrolAsync(Caller admin, DeviceKindDto kind, string name)
    {
        using var client = Client(admin);
        var response = await client.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(kind, name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var device = (await response.Content.ReadFromJsonAsync<EnrolledDeviceDto>())!;
        return new Caller(name, Token: device.Token);
    }

    public async Task<Caller> OfficerAsync(Caller admin, string userName, params int[] deskIds)
    {
        using var client = Client(admin);
        const string password = "Officer-pass-1";
        var response = await client.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest(userName, password, deskIds));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await LoginAsync(userName, password);
    }

    public async Task<RosterDto> RosterAsync(Caller caller)
    {
        using var client = Client(caller);
        return (await client.GetFromJsonAsync<RosterDto>("/api/roster"))!;
    }

    /// <summary>A real SignalR client over WebSockets against the in-process server.</summary>
    public HubConnection Hub(Caller caller) => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, FrontOfficeRoutes.Hub), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            o.WebSocketFactory = async (context, ct) =>
            {
                var ws = Server.CreateWebSocketClient();
                ws.ConfigureRequest = request =>
                {
                    if (caller.Token is not null)
                    {
                        request.Headers.Authorization = "Bearer " + caller.Token;
                    }

                    if (caller.Cookie is not null)
                    {
                        request.Headers.Cookie = caller.Cookie;
                    }
                };
                return await ws.ConnectAsync(context.Uri, ct);
            };
        })
        .Build();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Sets the connection's remote address from <see cref="FrontOfficeApp.ClientAddressHeader"/>, for tests of per-address limits.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[FrontOfficeApp.ClientAddressHeader].ToString(), out var address))
            {
                http.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(http);
        });
        next(app);
    };
}

/// <summary>Keeps every Error-level log line with its exception.</summary>
internal sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, errors);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{category}: {formatter(state, exception)}{Environment.NewLine}{exception}");
            }
        }
    }
}

public static class Http
{
    public static async Task<HttpResponseMessage> IssueAsync(this HttpClient kiosk, int serviceId, string? key = null,
        TicketPriority priority = TicketPriority.None, VisitorLanguage language = VisitorLanguage.Kk)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new IssueTicketRequest(serviceId, language, priority)),
        };
        request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, key ?? Guid.NewGuid().ToString());
        return await kiosk.SendAsync(request);
    }

    public static async Task<TicketDto> IssuedAsync(this HttpClient kiosk, int serviceId, TicketPriority priority = TicketPriority.None)
    {
        var response = await kiosk.IssueAsync(serviceId, priority: priority);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    public static Task<HttpResponseMessage> CallNextAsync(this HttpClient officer, int deskId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/desks/{deskId}/call-next");
        if (key is not null)
        {
            request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, key);
        }

        return officer.SendAsync(request);
    }

    public static async Task<TicketDto> CalledAsync(this HttpClient officer, int deskId)
    {
        var response = await officer.CallNextAsync(deskId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    public static async Task<HttpResponseMessage> ActAsync(this HttpClient officer, Guid ticketId, string action, object? body = null) =>
        await officer.PostAsJsonAsync($"/api/tickets/{ticketId}/{action}", body ?? new TicketActionRequest());

    public static async Task<T> OkAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    /// <summary>Asserts a problem+json answer with the given status and type.</summary>
    public static async Task<System.Text.Json.JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(type, json.GetProperty("type").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return json;
    }
}
