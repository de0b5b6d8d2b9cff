using System.Diagnostics;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>How the server sits on its machine: its own user, and files only that user reads.</summary>
public sealed class HostTests
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_data_directory_and_the_database_files_are_readable_by_the_servers_user_only()
    {
        await using var app = new FrontOfficeApp();
        await Scenario.StartAsync(app);

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(app.DataDirectory));
        var database = Path.Combine(app.DataDirectory, "frontoffice.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerOnlyFile, $"{Path.GetFileName(file)}: {File.GetUnixFileMode(file)}");
        }
    }

    [Fact]
    public async Task Run_as_root_the_server_refuses_to_start_unless_an_option_allows_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "oa-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output) = await RunUntilExitAsync(data, TimeSpan.FromSeconds(60));
            if (Environment.IsPrivilegedProcess)
            {
                Assert.True(exitCode is not null and not 0, $"as root the server kept running or exited 0: {exitCode}");
                var lines = output.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
                Assert.True(lines.Count == 1, "one clear line: " + string.Join(" | ", lines));
                Assert.Contains("root", lines[0], StringComparison.OrdinalIgnoreCase);
                Assert.Contains("FrontOffice__AllowRoot", lines[0], StringComparison.Ordinal);
                Assert.False(File.Exists(Path.Combine(data, "frontoffice.db")), "nothing is created before the refusal");
            }
            else
            {
                Assert.True(exitCode is null, $"as its own user the server starts: exited {exitCode}: {string.Join(" | ", output)}");
            }
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>Starts the server without the root option; its exit code, or null once it answers /health (it started).</summary>
    private static async Task<(int? ExitCode, List<string> Output)> RunUntilExitAsync(string data, TimeSpan wait)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "OpenAlmaty.FrontOffice.Server.dll");
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", address.ToString() },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FrontOffice__DataDirectory"] = data;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("FrontOffice__AllowRoot");
        using var process = Process.Start(start)!;
        var output = new List<string>();
        process.OutputDataReceived += (_, l) => { if (l.Data is not null) { lock (output) { output.Add(l.Data); } } };
        process.ErrorDataReceived += (_, l) => { if (l.Data is not null) { lock (output) { output.Add(l.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + wait;
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        int? exitCode = null;
        if (process.HasExited)
        {
            process.WaitForExit(); // the output is read to its end
            exitCode = process.ExitCode;
        }
        else
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lock (output)
        {
            return (exitCode, output.ToList());
        }
    }
}
