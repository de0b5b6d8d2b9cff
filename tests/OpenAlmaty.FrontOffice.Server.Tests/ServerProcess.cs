using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// The server as a real child process on a loopback port, for tests that kill and restart it.
/// Runs in training mode so that every service is open whatever the real clock says.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private ServerProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    /// <summary>The admin's password once the first sign-in has changed the bootstrap one.</summary>
    public const string AdminPassword = "Hall-keeper-2026";

    /// <summary>What the server is started with; the first sign-in changes it to <see cref="AdminPassword"/>.</summary>
    public const string BootstrapPassword = "Bootstrap-pass-2026";

    public Uri Address { get; }

    /// <summary>What the server wrote to its console (standard output and error), line by line.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>The server's own build output (beside its static web assets manifest), found from the test's.</summary>
    public static string BuiltServer()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (dir.Name, dir.Parent!.Name);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenAlmaty.FrontOffice.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("The repository root was not found."),
            "src", "OpenAlmaty.FrontOffice.Server", "bin", configuration, framework, "OpenAlmaty.FrontOffice.Server.dll");
    }

    /// <param name="environment">Settings beyond the harness's own (e.g. <c>FrontOffice__Storage__MinFreeMegabytes</c>).</param>
    /// <param name="healthy">False: started once <c>/health</c> answers at all, Unhealthy included.</param>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, int? port = null, string? serverDll = null,
        IReadOnlyDictionary<string, string>? environment = null, bool healthy = true)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = StartInfo(dataDirectory, address, serverDll, environment);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, "The server process exited during start-up: " + string.Join(" | ", output));
            try
            {
                var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK || (!healthy && health.StatusCode == HttpStatusCode.ServiceUnavailable))
                {
                    await ChangeBootstrapPasswordAsync(http);
                    return new ServerProcess(process, address, output);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "The server did not answer /health within a minute.");
            await Task.Delay(100);
        }
    }

    /// <summary>How the harness starts the server: training mode, the bootstrap password, root allowed, quiet logs, plus <paramref name="environment"/>.</summary>
    public static ProcessStartInfo StartInfo(string dataDirectory, Uri address, string? serverDll = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = serverDll ?? Path.Combine(AppContext.BaseDirectory, "OpenAlmaty.FrontOffice.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", address.ToString() },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FrontOffice__DataDirectory"] = dataDirectory;
        start.Environment["FrontOffice__TrainingMode"] = "true";
        start.Environment["FrontOffice__Bootstrap__AdminPassword"] = BootstrapPassword;
        // CI may run as root; the server refuses that unless told (a real install runs as its own user).
        start.Environment["FrontOffice__AllowRoot"] = "true";
        start.Environment["FrontOffice__PublicBaseUrl"] = address.ToString();
        start.Environment["FrontOffice__LoginAttemptsPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>
    /// The admin's first sign-in, as a person does it: the bootstrap password is changed to
    /// <see cref="AdminPassword"/>. After a restart on the same data it was changed already (401).
    /// </summary>
    public static async Task ChangeBootstrapPasswordAsync(HttpClient http)
    {
        var changed = await http.PostAsync(new Uri("/api/auth/password", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(
            new { userName = "admin", currentPassword = BootstrapPassword, newPassword = AdminPassword }));
        Assert.True(changed.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Unauthorized,
            $"the first sign-in's change: {(int)changed.StatusCode} {await changed.Content.ReadAsStringAsync()}");
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        // Bounded: a test that logs a lot keeps the newest lines only.
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 20_000 && output.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, as in a power cut of the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
