using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using OpenAlmaty.FrontOffice.Contracts;

// Load generator for the queue server. Loopback only, bounded in time; prints a Markdown table.
// Usage: bench/run.sh   (builds Release, then runs this against a fresh server on a free port)
var serverDll = args.Length > 0 ? Path.GetFullPath(args[0])
    : throw new ArgumentException("Pass the path of OpenAlmaty.FrontOffice.Server.dll (bench/run.sh does).");
var only = args.Contains("--only-day"); // the simulated day (and the soak if asked) without the table before it
var soak = args.Contains("--soak");
var noYear = args.Contains("--no-year"); // the year of history takes four to five minutes to write
var work = Path.Combine(Path.GetTempPath(), "oa-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
var rows = new List<(string Measure, string Value, string Target)>();
const string BootstrapPassword = "Bench-bootstrap-2026";
const string AdminPassword = "Bench-keeper-2026";

try
{
    // The shared disk's speed drifts over minutes: the floor is measured before and again right
    // after the throughput run, and the better of the two is the one the issue path is held to.
    if (!only)
    {
        var floorBefore = RawCommitsPerSecond(Path.Combine(work, "floor.db"), TimeSpan.FromSeconds(3));

        var port = FreePort();
        using var server = StartServer(serverDll, Path.Combine(work, "data"), port);
        var address = new Uri($"http://127.0.0.1:{port}");
        await WaitHealthyAsync(address);

        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        // The first sign-in changes the bootstrap password (and signs in).
        (await admin.PostAsJsonAsync("/api/auth/password", new ChangePasswordRequest("admin", BootstrapPassword, AdminPassword))).EnsureSuccessStatusCode();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var services = roster.Agencies.SelectMany(a => a.Services).ToList();
        var kioskToken = (await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, "bench kiosk")))
            .Content.ReadFromJsonAsync<EnrolledDeviceDto>())!.Token;
        var displayToken = (await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Display, "bench display")))
            .Content.ReadFromJsonAsync<EnrolledDeviceDto>())!.Token;
        using var kiosk = new HttpClient { BaseAddress = address };
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", kioskToken);

        var small = services.Single(s => s.Code == "energy");
        var large = services.Single(s => s.Code == "water");
        var spread = services.Where(s => s.Id != small.Id && s.Id != large.Id).Select(s => s.Id).ToArray();
        var smallDesk = roster.Desks.First(d => d.ServiceIds.Contains(small.Id)).Id;
        var largeDesk = roster.Desks.First(d => d.ServiceIds.Contains(large.Id)).Id;
        (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("bench-officer", "Bench-desk-pass-1", [smallDesk, largeDesk]))).EnsureSuccessStatusCode();
        using var officer = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        // A body-less POST with the staff cookie says it is no form post.
        officer.DefaultRequestHeaders.Add("X-Requested-With", "bench");
        (await officer.PostAsJsonAsync("/api/auth/login", new LoginRequest("bench-officer", "Bench-desk-pass-1"))).EnsureSuccessStatusCode();

        // Warm-up: JIT (tiered compilation settles after a few thousand calls) and connection pools.
        for (var i = 0; i < 2000; i++)
        {
            await IssueAsync(kiosk, spread[i % spread.Length]);
        }

        // 1. Issue latency at a steady 50 tickets/s for 10 s (open loop: requests leave on schedule).
        var paced = new ConcurrentBag<double>();
        var pacing = new List<Task>();
        var start = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            var due = TimeSpan.FromMilliseconds(i * 20);
            var wait = due - start.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var serviceId = spread[i % spread.Length];
            pacing.Add(Task.Run(async () => paced.Add(await TimedAsync(() => IssueAsync(kiosk, serviceId)))));
        }

        await Task.WhenAll(pacing);
        rows.Add(("Ticket issue latency at 50/s over HTTP, p50", Ms(Percentile(paced, 0.50)), ""));
        rows.Add(("Ticket issue latency at 50/s over HTTP, p99", Ms(Percentile(paced, 0.99)), "≤ 5 ms"));

        // 2. Issue throughput: 16 kiosks tapping as fast as they can for 5 s.
        var issued = 0;
        server.Refresh();
        var cpuBefore = server.TotalProcessorTime;
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; until.Elapsed < TimeSpan.FromSeconds(5); i++)
            {
                await IssueAsync(kiosk, spread[(w * 7 + i) % spread.Length]);
                Interlocked.Increment(ref issued);
            }
        })));
        var throughput = issued / until.Elapsed.TotalSeconds;
        server.Refresh();
        var cpuPerTicket = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds / issued;
        var floorAfter = RawCommitsPerSecond(Path.Combine(work, "floor-after.db"), TimeSpan.FromSeconds(3));
        var floor = Math.Max(floorBefore, floorAfter);
        rows.Insert(0, ("Raw durable SQLite commits/s (WAL, synchronous=FULL, same disk), better of before/after", $"{floor:0} ({floorBefore:0} / {floorAfter:0})", "floor"));
        rows.Add(("Ticket issue throughput over HTTP (16 concurrent kiosks), tickets/s", $"{throughput:0}", $"≥ 40% of floor ({0.4 * floor:0})"));
        rows.Add(("Issue throughput as share of the raw commit floor", $"{100 * throughput / floor:0}%", "≥ 40%"));
        rows.Add(("Server CPU time per issued ticket (both cores, during the throughput run)", Ms(cpuPerTicket), ""));

        // 3. Call-next with 10 waiting vs 10,000 waiting (each call is completed, and a newcomer keeps the queue length).
        for (var i = 0; i < 10; i++)
        {
            await IssueAsync(kiosk, small.Id);
        }

        var fewWaiting = await CallNextSeriesAsync(officer, kiosk, smallDesk, small.Id, 200);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < 10_000; i += 16)
            {
                await IssueAsync(kiosk, large.Id);
            }
        })));
        var manyWaiting = await CallNextSeriesAsync(officer, kiosk, largeDesk, large.Id, 200);
        rows.Add(("Call-next latency, 10 waiting, p50", Ms(Percentile(fewWaiting, 0.5)), ""));
        rows.Add(("Call-next latency, 10,000 waiting, p50", Ms(Percentile(manyWaiting, 0.5)), "≤ 1.5× the 10-waiting time"));
        rows.Add(("Call-next with 10,000 waiting ÷ with 10 (p50)", $"{Percentile(manyWaiting, 0.5) / Percentile(fewWaiting, 0.5):0.00}×", "≤ 1.5×"));

        // 4. Call-next → TicketCalled received by 50 hub clients.
        // Calls are made one at a time, 50 ms apart: every TicketCalled belongs to the latest call.
        long sentAt = 0;
        var fanout = new ConcurrentBag<double>();
        var clients = new List<HubConnection>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(address, FrontOfficeRoutes.Hub), o => o.AccessTokenProvider = () => Task.FromResult<string?>(displayToken))
                .Build();
            hub.On<TicketCalledEvent>(nameof(IFrontOfficeClient.TicketCalled), e =>
            {
                fanout.Add((clock.ElapsedTicks - Interlocked.Read(ref sentAt)) * 1000.0 / Stopwatch.Frequency);
            });
            await hub.StartAsync();
            clients.Add(hub);
        }

        for (var i = 0; i < 100; i++)
        {
            await IssueAsync(kiosk, small.Id);
            await Task.Delay(50);
            Interlocked.Exchange(ref sentAt, clock.ElapsedTicks);
            var called = await (await CallNextAsync(officer, smallDesk)).Content.ReadFromJsonAsync<TicketDto>();
            await Task.Delay(50);
            await CompleteAsync(officer, called!.Id);
        }

        await Task.Delay(500);
        rows.Add(("Call-next → TicketCalled at 50 hub clients, p50", Ms(Percentile(fanout, 0.5)), ""));
        rows.Add(("Call-next → TicketCalled at 50 hub clients, p99", Ms(Percentile(fanout, 0.99)), "≤ 50 ms"));
        rows.Add(("  (deliveries measured)", fanout.Count.ToString(CultureInfo.InvariantCulture), "5000"));
        foreach (var hub in clients)
        {
            await hub.DisposeAsync();
        }

        // 5. Reports over everything issued above, made non-training in the database (reports leave
        //    training tickets out): how long an admin waits for the day's figures, as JSON and as a PDF.
        using (var db = new SqliteConnection($"Data Source={Path.Combine(work, "data", "frontoffice.db")};Default Timeout=30"))
        {
            db.Open();
            using var untrain = db.CreateCommand();
            untrain.CommandText = "UPDATE Tickets SET IsTraining = 0";
            var tickets = untrain.ExecuteNonQuery();
            rows.Add(("  (tickets in the report)", tickets.ToString(CultureInfo.InvariantCulture), ""));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = $"/api/admin/reports?from={today}&to={today}";
        (await admin.GetAsync(new Uri(report, UriKind.Relative))).EnsureSuccessStatusCode(); // warm-up
        var json = new List<double>();
        var pdf = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            json.Add(await TimedAsync(async () => (await admin.GetAsync(new Uri(report, UriKind.Relative))).EnsureSuccessStatusCode()));
            pdf.Add(await TimedAsync(async () => (await admin.GetAsync(new Uri(report + "&format=pdf", UriKind.Relative))).EnsureSuccessStatusCode()));
        }

        rows.Add(("Report of the period as JSON, median of 5", Ms(Percentile(json, 0.5)), ""));
        rows.Add(("Report of the period as a PDF with charts, median of 5", Ms(Percentile(pdf, 0.5)), ""));

        server.Kill(entireProcessTree: true);
    }

    // The simulated day, then (with --soak) twelve simulated hours: each on a fresh server of its own.
    async Task SignInAsync(Uri address)
    {
        await WaitHealthyAsync(address);
        using var http = new HttpClient { BaseAddress = address };
        var changed = await http.PostAsJsonAsync("/api/auth/password", new ChangePasswordRequest("admin", BootstrapPassword, AdminPassword));
        if (changed.StatusCode != HttpStatusCode.Unauthorized) // 401: changed already, by an earlier start on the same data
        {
            changed.EnsureSuccessStatusCode();
        }
    }

    (Process, Uri) Fresh(string name)
    {
        var port = FreePort();
        return (StartServer(serverDll, Path.Combine(work, name), port), new Uri($"http://127.0.0.1:{port}"));
    }

    const double MinuteMs = 80; // nine opening hours in about 43 s of wall time
    var day = await SimulatedDay.RunAsync(() => Fresh("day"), SignInAsync, AdminPassword, hours: 9, minuteMs: MinuteMs);
    rows.Add(($"Simulated day: {day.Issued} visitors issued ({day.Failed} taps failed), {day.Served} served by {SimulatedDay.Desks} desks, {SimulatedDay.Kiosks} kiosks, "
        + $"{SimulatedDay.Displays} displays + {SimulatedDay.Consoles} consoles on the hub ({day.HubEvents} events), 1 min = {MinuteMs} ms: wall time",
        $"{day.Wall.TotalSeconds:0.0} s", "≤ 60 s"));
    rows.Add(("Simulated day: server CPU", $"{day.CpuSeconds:0.0} s", ""));
    rows.Add(("Simulated day: server peak RSS", $"{day.PeakRssBytes / 1048576.0:0} MB", "≤ 300 MB"));
    rows.TakeLast(3).ToList().ForEach(r => Console.Error.WriteLine($"{r.Measure}: {r.Value}")); // seen even if a later part fails
    if (!noYear)
    {
        var year = await YearOfHistory.RunAsync(() => Fresh("year"), SignInAsync, AdminPassword, Path.Combine(work, "year"));
        rows.Add(($"Year of history: {year.Tickets:N0} tickets with their calls written in", $"{year.Generation.TotalSeconds:0} s", ""));
        rows.Add(($"Year report (JSON, {year.ServicesInReport} services): time", $"{year.Report.TotalSeconds:0.00} s", "≤ 5 s"));
        rows.Add(("Year report: server RSS before → peak", $"{year.RssBeforeBytes / 1048576.0:0} → {year.PeakRssBytes / 1048576.0:0} MB (+{(year.PeakRssBytes - year.RssBeforeBytes) / 1048576.0:0} MB)", "≤ +200 MB"));
    }

    if (soak)
    {
        var hours = await SimulatedDay.RunAsync(() => Fresh("soak"), SignInAsync, AdminPassword, hours: 12, minuteMs: MinuteMs);
        foreach (var (hour, rss, handles) in hours.Hourly)
        {
            rows.Add(($"Soak, simulated hour {hour}: RSS / open handles", $"{rss / 1048576.0:0} MB / {handles}", ""));
        }

        var first = hours.Hourly[0].RssBytes;
        rows.Add(("Soak: RSS growth after the first simulated hour", $"{(hours.Hourly[^1].RssBytes - first) * 100.0 / first:0.0} %", "≤ 10 %"));
    }
}
finally
{
    // A run that failed half-way leaves no server behind.
    foreach (var process in Started.All)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // exited, or disposed by the part that started it
        }
    }

    SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
    }
}

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
Console.WriteLine("| measure | value | target |");
Console.WriteLine("|---|---:|---|");
foreach (var (measure, value, target) in rows)
{
    Console.WriteLine($"| {measure} | {value} | {target} |");
}

return;

static async Task<List<double>> CallNextSeriesAsync(HttpClient officer, HttpClient kiosk, int deskId, int serviceId, int count)
{
    var samples = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        TicketDto? called = null;
        samples.Add(await TimedAsync(async () =>
        {
            var response = await CallNextAsync(officer, deskId);
            response.EnsureSuccessStatusCode();
            called = await response.Content.ReadFromJsonAsync<TicketDto>();
        }));
        await CompleteAsync(officer, called!.Id);
        await IssueAsync(kiosk, serviceId);
    }

    return samples;
}

static Task<HttpResponseMessage> CallNextAsync(HttpClient officer, int deskId) =>
    officer.PostAsync(new Uri($"/api/desks/{deskId}/call-next", UriKind.Relative), null);

static async Task CompleteAsync(HttpClient officer, Guid ticketId) =>
    (await officer.PostAsJsonAsync($"/api/tickets/{ticketId}/complete", new TicketActionRequest())).EnsureSuccessStatusCode();

static async Task<TicketDto> IssueAsync(HttpClient kiosk, int serviceId)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(serviceId)) };
    request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
    var response = await kiosk.SendAsync(request);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
}

static async Task<double> TimedAsync(Func<Task> action)
{
    var watch = Stopwatch.StartNew();
    await action();
    return watch.Elapsed.TotalMilliseconds;
}

static double Percentile(IEnumerable<double> samples, double p)
{
    var sorted = samples.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

static string Ms(double value) => $"{value:0.00} ms";

static double RawCommitsPerSecond(string path, TimeSpan duration)
{
    using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
    connection.Open();
    using (var setup = connection.CreateCommand())
    {
        setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);";
        setup.ExecuteNonQuery();
    }

    using var insert = connection.CreateCommand();
    insert.CommandText = "INSERT INTO t(v) VALUES ('ticket')";
    var commits = 0;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < duration)
    {
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        insert.ExecuteNonQuery();
        transaction.Commit();
        commits++;
    }

    return commits / watch.Elapsed.TotalSeconds;
}

static Process StartServer(string dll, string data, int port)
{
    var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" }, UseShellExecute = false, RedirectStandardOutput = true };
    start.Environment["FrontOffice__DataDirectory"] = data;
    start.Environment["FrontOffice__TrainingMode"] = "true";
    start.Environment["FrontOffice__Bootstrap__AdminPassword"] = BootstrapPassword;
    start.Environment["FrontOffice__AllowRoot"] = "true"; // a throw-away data directory; the bench machine may run as root
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["FrontOffice__LoginAttemptsPerMinute"] = "1000"; // sixty officers sign in within seconds
    var process = Process.Start(start)!;
    Started.All.Add(process);
    process.OutputDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    return process;
}

static async Task WaitHealthyAsync(Uri address)
{
    using var http = new HttpClient { BaseAddress = address };
    for (var i = 0; i < 300; i++)
    {
        try
        {
            if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("The server did not start.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

/// <summary>Every server process this run started.</summary>
internal static class Started
{
    public static readonly List<Process> All = [];
}
