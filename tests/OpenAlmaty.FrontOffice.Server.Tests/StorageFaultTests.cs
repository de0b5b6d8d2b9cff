using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// Storage faults seen and said, on a real server process and real files: a nearly full disk, a full
/// database, a log deleted under the server, a data directory that cannot be written.
/// </summary>
/// <remarks>
/// Tests run as root on CI, where <c>chmod 0500</c> stops nothing. A directory is made unwritable with
/// <c>chattr +i</c> (immutable: not even root may add or rename a file in it), checked by trying; where
/// the file system has no such flag, a data directory under <c>/proc</c>, which nobody can create files
/// in, stands for it at start, and a directory put where the audit head's file goes stands for it while
/// running. As another user, <c>chmod 0500</c> is used, and it is real then.
/// </remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-storage-" + Guid.NewGuid().ToString("N"));
    private readonly List<Action> _undo = [];

    private string Database => Path.Combine(_data, "frontoffice.db");

    [Fact]
    public async Task A_nearly_full_disk_turns_health_unhealthy_and_the_dashboard_says_why_in_kazakh_and_russian()
    {
        // More free space than any test machine has: the real free space is below the threshold.
        await using var server = await ServerProcess.StartAsync(_data, healthy: false,
            environment: new Dictionary<string, string> { ["FrontOffice__Storage__MinFreeMegabytes"] = "100000000000" });
        using var http = new HttpClient { BaseAddress = server.Address };

        var (status, body) = await HealthAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("Unhealthy", body, StringComparison.Ordinal);
        Assert.Contains("disk-nearly-full", body, StringComparison.Ordinal);
        Assert.Contains("MinFreeMegabytes", body, StringComparison.Ordinal);

        using var admin = await AdminAsync(server.Address);
        var dashboard = await admin.GetFromJsonAsync<HallDashboardDto>("/api/admin/dashboard");
        var fault = Assert.Single(dashboard!.StorageFaults);
        Assert.Equal("disk-nearly-full", fault.Code);
        Assert.Contains("МБ", fault.Kk, StringComparison.Ordinal);
        Assert.Contains("свободно", fault.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_database_answers_503_with_its_problem_type_and_health_is_unhealthy_until_a_write_succeeds_again()
    {
        string token;
        int serviceId;
        await using (var first = await ServerProcess.StartAsync(_data))
        {
            (token, serviceId) = await EnrolKioskAsync(first.Address);
        }

        // The database is capped at the pages it has, ballast included: the next pages a ticket needs are
        // refused with SQLite's own "database or disk is full", as on a full disk. Dropping the ballast
        // frees pages inside the cap, as an operator freeing space would.
        var pages = WithDatabase(db =>
        {
            Execute(db, "CREATE TABLE Ballast (Bytes BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 64) INSERT INTO Ballast SELECT randomblob(16384) FROM n;");
            Execute(db, "PRAGMA wal_checkpoint(TRUNCATE);");
            return (long)Scalar(db, "PRAGMA page_count;")!;
        });

        await using var server = await ServerProcess.StartAsync(_data,
            environment: new Dictionary<string, string> { ["FrontOffice__Storage__MaxPages"] = pages.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var kiosk = Kiosk(server.Address, token);
        using var http = new HttpClient { BaseAddress = server.Address };

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2000 && refused is null; i++)
        {
            var response = await kiosk.IssueAsync(serviceId);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)refused.StatusCode}: {text}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(text, System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal(ProblemTypes.StorageUnavailable, problem.Type);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);

        var (status, body) = await HealthAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("write-failed", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await kiosk.IssueAsync(serviceId)).StatusCode);

        WithDatabase(db => Execute(db, "DROP TABLE Ballast;"));
        Assert.Equal(HttpStatusCode.Created, (await kiosk.IssueAsync(serviceId)).StatusCode);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(http));

        var lines = server.Output.ToList();
        Assert.Single(lines, l => l.Contains("Storage fault write-failed:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Unhandled error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_the_log_turns_health_unhealthy_and_tickets_acknowledged_afterwards_survive_a_kill()
    {
        var acknowledged = new List<TicketDto>();
        string token;
        int serviceId;
        await using (var server = await ServerProcess.StartAsync(_data))
        {
            (token, serviceId) = await EnrolKioskAsync(server.Address);
            using var kiosk = Kiosk(server.Address, token);
            using var http = new HttpClient { BaseAddress = server.Address };
            await IssueAsync(kiosk, serviceId, 30, acknowledged);
            Assert.True(File.Exists(Database + "-wal"));

            File.Delete(Database + "-wal");
            var health = await WaitForHealthAsync(http, b => b.Contains("database-file-deleted", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            Assert.Contains("frontoffice.db-wal", health, StringComparison.Ordinal);

            // Once the server has mended it, a write clears the fault; until then a write may be refused with 503.
            await WaitForHealthAsync(http, b => b == "Healthy", TimeSpan.FromSeconds(30), () => IssueAsync(kiosk, serviceId, 1, acknowledged));
            await IssueAsync(kiosk, serviceId, 30, acknowledged);
            Assert.True(acknowledged.Count >= 61, $"{acknowledged.Count} acknowledged");
            server.Kill();
        }

        await using var restarted = await ServerProcess.StartAsync(_data);
        using var phone = new HttpClient { BaseAddress = restarted.Address };
        var lost = new List<string>();
        foreach (var ticket in acknowledged)
        {
            var answer = await phone.GetAsync($"/api/public/tickets/{ticket.PublicId}");
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                lost.Add(ticket.Number);
            }
        }

        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged tickets lost: {string.Join(", ", lost)}");
    }

    [Fact]
    public async Task An_unwritable_data_directory_stops_the_server_at_start_with_one_clear_line()
    {
        await using (var first = await ServerProcess.StartAsync(_data))
        {
            first.Kill();
        }

        var data = MakeUnwritable(_data) ? _data : "/proc/oa-data-" + Guid.NewGuid().ToString("N");
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}");
        using var process = Process.Start(ServerProcess.StartInfo(data, address))!;
        var output = new List<string>();
        process.OutputDataReceived += (_, l) => { if (!string.IsNullOrWhiteSpace(l.Data)) { lock (output) { output.Add(l.Data); } } };
        process.ErrorDataReceived += (_, l) => { if (!string.IsNullOrWhiteSpace(l.Data)) { lock (output) { output.Add(l.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(exited.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The server kept running with an unwritable data directory: " + string.Join(" | ", output));
        }

        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        lock (output)
        {
            var line = Assert.Single(output);
            Assert.Contains(data, line, StringComparison.Ordinal);
            Assert.Contains("cannot be written", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_audited_change_that_committed_is_answered_as_done_while_the_data_directory_cannot_be_written()
    {
        await using var server = await ServerProcess.StartAsync(_data);
        using var admin = await AdminAsync(server.Address);
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(http));

        if (!MakeUnwritable(_data))
        {
            // No immutable flag here: a directory where the audit head's file goes makes its writing fail just as well.
            File.Delete(Path.Combine(_data, "audit-head"));
            Directory.CreateDirectory(Path.Combine(_data, "audit-head"));
            _undo.Add(() => Directory.Delete(Path.Combine(_data, "audit-head")));
        }

        var enrolled = await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, "Read-only kiosk"));
        var text = await enrolled.Content.ReadAsStringAsync();
        Assert.True(enrolled.IsSuccessStatusCode, $"{(int)enrolled.StatusCode}: {text}");
        var device = System.Text.Json.JsonSerializer.Deserialize<EnrolledDeviceDto>(text, System.Text.Json.JsonSerializerOptions.Web)!;
        using (var kiosk = Kiosk(server.Address, device.Token))
        {
            Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/api/roster")).StatusCode);
        }

        var (status, body) = await HealthAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("file-not-written", body, StringComparison.Ordinal);
        Assert.Contains("audit-head", body, StringComparison.Ordinal);

        Undo();
        Assert.True((await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Display, "Writable again"))).IsSuccessStatusCode);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(http));
    }

    /// <summary>chattr +i, or chmod 0500 for a user it binds; true when creating a file there really fails.</summary>
    private bool MakeUnwritable(string directory)
    {
        if (Environment.IsPrivilegedProcess)
        {
            if (Run("chattr", "+i", directory) != 0)
            {
                return false;
            }

            _undo.Add(() => Run("chattr", "-i", directory));
        }
        else
        {
            var mode = File.GetUnixFileMode(directory);
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            _undo.Add(() => File.SetUnixFileMode(directory, mode));
        }

        try
        {
            File.WriteAllText(Path.Combine(directory, "probe"), "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }

        File.Delete(Path.Combine(directory, "probe"));
        Undo();
        return false;
    }

    private static int Run(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // not installed
        }
    }

    private void Undo()
    {
        foreach (var undo in Enumerable.Reverse(_undo))
        {
            undo();
        }

        _undo.Clear();
    }

    private static async Task IssueAsync(HttpClient kiosk, int serviceId, int count, List<TicketDto> acknowledged)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await kiosk.IssueAsync(serviceId);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                acknowledged.Add((await response.Content.ReadFromJsonAsync<TicketDto>())!);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static async Task<(HttpStatusCode, string)> HealthAsync(HttpClient http)
    {
        var response = await http.GetAsync(new Uri(FrontOfficeRoutes.Health, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> WaitForHealthAsync(HttpClient http, Func<string, bool> seen, TimeSpan within, Func<Task>? meanwhile = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var (_, body) = await HealthAsync(http);
            if (seen(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, "/health still says: " + body);
            if (meanwhile is not null)
            {
                await meanwhile();
            }

            await Task.Delay(200);
        }
    }

    private T WithDatabase<T>(Func<SqliteConnection, T> work)
    {
        using var db = new SqliteConnection($"Data Source={Database};Pooling=False;Default Timeout=30");
        db.Open();
        return work(db);
    }

    private void WithDatabase(Action<SqliteConnection> work) => WithDatabase(db => { work(db); return 0; });

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000; " + sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static async Task<HttpClient> AdminAsync(Uri address)
    {
        var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        var login = await admin.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword));
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        return admin;
    }

    private static async Task<(string Token, int ServiceId)> EnrolKioskAsync(Uri address)
    {
        using var admin = await AdminAsync(address);
        var device = await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, "Storage kiosk"))).OkAsync<EnrolledDeviceDto>();
        var roster = await admin.GetFromJsonAsync<RosterDto>("/api/roster");
        return (device.Token, roster!.Agencies.SelectMany(a => a.Services).First().Id);
    }

    private static HttpClient Kiosk(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose()
    {
        Undo();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
