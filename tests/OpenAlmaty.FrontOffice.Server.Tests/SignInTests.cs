using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// Signing in: one limit for the API and the /login page, per address and per account; a slowed
/// attacker, never a locked-out owner; one answer whether the name exists or not; no common
/// password, none equal to the user name; and the first admin password changed at first sign-in.
/// </summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    /// <summary>The production default, not the tests' usual thousand.</summary>
    private readonly FrontOfficeApp _app = new() { LoginAttemptsPerMinute = 10 };
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_login_page_is_rate_limited_together_with_the_api()
    {
        const string attacker = "10.20.30.40";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await LoginPageAsync("admin", $"wrong-password-{i}", attacker)).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s != HttpStatusCode.TooManyRequests) <= 10, string.Join(",", statuses.Select(s => (int)s)));

        // The API shares the limit: from that address even the right password waits.
        using var api = AddressedClient(attacker);
        await (await api.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword)))
            .ProblemAsync(HttpStatusCode.TooManyRequests, ProblemTypes.TooManyRequests);
    }

    [Fact]
    public async Task Wrong_passwords_from_another_address_do_not_keep_the_owner_out()
    {
        // The admin works at the same desk every day.
        using var owner = AddressedClient("192.168.1.10");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword))).StatusCode);

        // Someone tries admin's password from another machine, for ten minutes.
        using var attacker = AddressedClient("10.66.66.66");
        var refused = 0;
        for (var i = 0; i < 30; i++)
        {
            var attempt = await attacker.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", $"guess-{i}"));
            refused += attempt.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
            _app.Clock.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.True(refused > 0, "the attacker is slowed down");

        // The admin, at that desk, signs in at once, on the API and on the page.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword))).StatusCode);
        var page = await LoginPageAsync("admin", FrontOfficeApp.AdminPassword, "192.168.1.10");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);

        // From a machine never used before the admin may have to wait a little, never for long.
        using var elsewhere = AddressedClient("192.168.1.77");
        var first = await elsewhere.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword));
        if (first.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = first.Headers.RetryAfter?.Delta ?? TimeSpan.MaxValue;
            Assert.True(wait <= TimeSpan.FromMinutes(1), $"waits {wait}");
            _app.Clock.Advance(wait);
            first = await elsewhere.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword));
        }

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_answer_the_same_for_unknown_and_existing_names()
    {
        var officer = await _app.OfficerAsync(_hall.Admin, "same-answer-officer", _hall.DeskOf("energy").Id);
        using (var admin = _app.Client(_hall.Admin))
        {
            var id = (await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(s => s.UserName == officer.Name).Id;
            (await admin.PostAsJsonAsync($"/api/admin/staff/{id}/lock", new LockAccountRequest(true))).EnsureSuccessStatusCode();
        }

        var answers = new Dictionary<string, List<string>>();
        var address = 1;
        foreach (var name in new[] { "admin", "nobody-by-this-name", officer.Name })
        {
            answers[name] = [];
            using var client = AddressedClient($"10.0.1.{address++}", "ru-RU");
            for (var i = 0; i < 12; i++)
            {
                var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(name, $"wrong-{i}"));
                var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                answers[name].Add($"{(int)response.StatusCode} {body.GetProperty("type").GetString()} {body.GetProperty("title").GetString()}");
            }
        }

        Assert.Equal(answers["nobody-by-this-name"], answers["admin"]);
        Assert.Equal(answers["nobody-by-this-name"], answers[officer.Name]);
        Assert.DoesNotContain(answers["admin"], a => a.Contains("locked", StringComparison.OrdinalIgnoreCase) || a.Contains("заблок", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Common_passwords_and_the_user_name_are_refused()
    {
        using var admin = _app.Client(_hall.Admin);
        var desk = _hall.DeskOf("energy").Id;
        foreach (var (user, password) in new[]
        {
            ("aigerim.s", "Password12"), ("aigerim.s", "Qwerty1234"), ("aigerim.s", "Qwerty123456"),
            ("aigerim.s", "1q2w3e4r5T"), ("Nurlan2026x", "Nurlan2026x"), ("nurlan.b", "Nurlan.b-2026"),
        })
        {
            await (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest(user, password, [desk])))
                .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.WeakPassword);
        }

        var created = await (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("aigerim.s", "Kokteren-aly-47", [desk])))
            .OkAsync<CreatedOfficerDto>();
        await (await admin.PostAsJsonAsync($"/api/admin/staff/{created.Id}/password", new ResetPasswordRequest("Password1234")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.WeakPassword);
    }

    [Fact]
    public async Task The_bootstrap_admin_password_must_be_changed_at_first_sign_in()
    {
        await using var fresh = new FrontOfficeApp { ChangesBootstrapPassword = false };
        using var client = fresh.Client(Caller.Anonymous, "ru-RU");
        var refused = await (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.BootstrapPassword)))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.PasswordChangeRequired);
        Assert.False(string.IsNullOrWhiteSpace(refused.GetProperty("title").GetString()));

        // The page leads to the change.
        var page = await LoginPageAsync("admin", FrontOfficeApp.BootstrapPassword, "10.9.9.9", fresh);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/login/password?userName=admin", page.Location, StringComparison.Ordinal);

        // Changed once, the old password no longer signs in and the new one does.
        await (await client.PostAsJsonAsync("/api/auth/password", new { userName = "admin", currentPassword = FrontOfficeApp.BootstrapPassword, newPassword = FrontOfficeApp.BootstrapPassword }))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.WeakPassword);
        var changed = await client.PostAsJsonAsync("/api/auth/password", new { userName = "admin", currentPassword = FrontOfficeApp.BootstrapPassword, newPassword = "Zheltoksan-16-bis" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Contains(changed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("oa.staff=", StringComparison.Ordinal));
        await (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.BootstrapPassword)))
            .ProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.LoginFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", "Zheltoksan-16-bis"))).StatusCode);
    }

    [Fact]
    public async Task An_admin_recovers_the_account_from_the_servers_console()
    {
        // Someone locked the admin out (or the password is lost): the server's own user runs the recovery command.
        using (var admin = _app.Client(_hall.Admin))
        {
            var id = (await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(s => s.UserName == "admin").Id;
            (await admin.PostAsJsonAsync($"/api/admin/staff/{id}/lock", new LockAccountRequest(true))).EnsureSuccessStatusCode();
        }

        var (exitCode, output) = await RunCommandAsync("reset-password", "admin");
        Assert.True(exitCode == 0, string.Join(Environment.NewLine, output));
        var password = output.Select(l => NewPasswordLine().Match(l)).Single(m => m.Success).Groups[1].Value;

        // The new password signs in once, to be changed at once; the lock is lifted.
        using var client = AddressedClient("10.3.3.3");
        await (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", password)))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.PasswordChangeRequired);
        var changed = await client.PostAsJsonAsync("/api/auth/password", new { userName = "admin", currentPassword = password, newPassword = "Kok-tobe-2026-bis" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var unknown = await RunCommandAsync("reset-password", "no-such-user");
        Assert.NotEqual(0, unknown.ExitCode);
    }

    [GeneratedRegex(@"^\s*(?:New password|Жаңа құпиясөз|Новый пароль)[^:]*:\s*(\S+)\s*$")]
    private static partial Regex NewPasswordLine();

    /// <summary>Runs the server's console command against this test's data directory, as the operator would.</summary>
    private async Task<(int ExitCode, List<string> Output)> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenAlmaty.FrontOffice.Server.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["FrontOffice__DataDirectory"] = _app.DataDirectory;
        start.Environment["FrontOffice__AllowRoot"] = "true";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0"; // a command serves nothing; never the default port
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = new List<string>();
        process.OutputDataReceived += (_, l) => { if (l.Data is not null) { lock (output) { output.Add(l.Data); } } };
        process.ErrorDataReceived += (_, l) => { if (l.Data is not null) { lock (output) { output.Add(l.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                output.Add("(the command did not end within a minute)");
            }

            return (-1, output);
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToList());
        }
    }

    private HttpClient AddressedClient(string address, string? language = null)
    {
        var client = _app.Client(Caller.Anonymous, language);
        client.DefaultRequestHeaders.Add(FrontOfficeApp.ClientAddressHeader, address);
        return client;
    }

    /// <summary>The /login page's form, posted as a browser posts it (with its antiforgery token).</summary>
    private async Task<(HttpStatusCode Status, string Body, string? Location)> LoginPageAsync(string userName, string password, string address, FrontOfficeApp? app = null)
    {
        using var client = (app ?? _app).Client(Caller.Anonymous);
        client.DefaultRequestHeaders.Add(FrontOfficeApp.ClientAddressHeader, address);
        var form = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var cookies = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        var response = await client.SendAsync(post);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
