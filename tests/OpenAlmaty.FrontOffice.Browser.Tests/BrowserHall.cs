using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>The real server as a child process on its own data directory, and Debian's Chromium to look at it.</summary>
public sealed class BrowserHall : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright _playwright = null!;

    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <param name="environment">Settings for the server beyond the harness's (see <see cref="ServerProcess.StartAsync"/>).</param>
    /// <param name="healthy">False: the server may start Unhealthy (a storage fault on purpose).</param>
    public static async Task<BrowserHall> StartAsync(IReadOnlyDictionary<string, string>? environment = null, bool healthy = true)
    {
        var hall = new BrowserHall();
        hall.Server = await ServerProcess.StartAsync(hall._data, serverDll: ServerProcess.BuiltServer(), environment: environment, healthy: healthy);
        hall._playwright = await Playwright.CreateAsync();
        // A browser that cannot start fails the test: it is never skipped.
        hall.Browser = await hall._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--autoplay-policy=no-user-gesture-required"],
        });
        return hall;
    }

    public string Url(string path) => new Uri(Server.Address, path).ToString();

    /// <summary>Stops the server and starts it again on the same address and data (a restart, not a crash).</summary>
    public async Task RestartAsync()
    {
        var port = Server.Address.Port;
        await Server.DisposeAsync();
        Server = await ServerProcess.StartAsync(_data, port, ServerProcess.BuiltServer());
    }

    /// <summary>The admin over the API, to set the hall up before a page is opened.</summary>
    public Task<HttpClient> AdminApiAsync() => StaffApiAsync("admin", ServerProcess.AdminPassword);

    /// <summary>A staff member over the API, signed in with the cookie as a page would be.</summary>
    public async Task<HttpClient> StaffApiAsync(string userName, string password)
    {
        var staff = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Server.Address };
        staff.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest"); // what the app's scripts send; a form post cannot
        (await staff.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password))).EnsureSuccessStatusCode();
        return staff;
    }

    public async Task<EnrolledDeviceDto> EnrolAsync(DeviceKindDto kind, string name)
    {
        using var admin = await AdminApiAsync();
        return (await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(kind, name))).Content.ReadFromJsonAsync<EnrolledDeviceDto>())!;
    }

    /// <summary>A staff member signs in through the login page, as a person would.</summary>
    public async Task<IPage> SignInAsync(string userName, string password, string path, string language = "ru")
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url($"/lang?code={language}&returnUrl=" + Uri.EscapeDataString(path)));
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("[data-test=user]", userName);
        await page.FillAsync("[data-test=password]", password);
        await page.ClickAsync("[data-test=sign-in]");
        // Committed is enough: each test then waits for its page's own data-ready mark.
        await page.WaitForURLAsync(u => u.Contains(path, StringComparison.Ordinal) && !u.Contains("/login", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    /// <summary>Where screenshots go: docs/screens when SCREENS_DIR says so, else the test output.</summary>
    public static string Screens()
    {
        var dir = Environment.GetEnvironmentVariable("SCREENS_DIR") ?? Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
