using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenAlmaty.FrontOffice.Contracts;

/// <summary>
/// A whole day of the hall against a fresh server: 3,000 visitors with the morning and
/// after-lunch peaks, 50 kiosks, 60 desks with service times of 2 to 60 minutes, 30 displays and
/// 10 desk consoles on the hub. The day is compressed (one simulated minute is a few dozen
/// milliseconds of wall time): the server runs on its own real clock in training mode, so the
/// visitors' times are what the load generator schedules, not what the server's clock says.
/// The soak runs the same load for many simulated hours and samples the server's memory and
/// open handles every simulated hour.
/// </summary>
internal static class SimulatedDay
{
    public const int Visitors = 3000;
    public const int Kiosks = 50;
    public const int Desks = 60;
    public const int Displays = 30;
    public const int Consoles = 10;

    /// <summary>Share of the day's visitors per opening hour 09:00–18:00: the morning and after-lunch peaks.</summary>
    private static readonly double[] HourlyShare = [0.07, 0.13, 0.15, 0.12, 0.07, 0.09, 0.13, 0.14, 0.10];

    public sealed record Result(TimeSpan Wall, double CpuSeconds, long PeakRssBytes, int Issued, int Failed, int Served, long HubEvents,
        IReadOnlyList<(int Hour, long RssBytes, int Handles)> Hourly);

    /// <param name="hours">Simulated opening hours: 9 is the day, more is the soak (the day's peaks repeated).</param>
    /// <param name="minuteMs">Wall milliseconds per simulated minute.</param>
    public static async Task<Result> RunAsync(Func<(Process Server, Uri Address)> startServer, Func<Uri, Task> signIn, string adminPassword,
        int hours, double minuteMs, int visitorsPerDay = Visitors)
    {
        var (server, address) = startServer();
        await signIn(address);
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("X-Requested-With", "bench");
        (await admin.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", adminPassword))).EnsureSuccessStatusCode();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var services = roster.Agencies.SelectMany(a => a.Services).Where(s => s.Kind != AgencyKindDto.Reception).ToList();

        // Sixty desks: the roster's own, then new ones over the services in turn; an officer at each.
        var deskIds = roster.Desks.Select(d => d.Id).ToList();
        for (var i = 0; deskIds.Count < Desks; i++)
        {
            var created = await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest($"S{i + 1}", [services[i % services.Count].Id]));
            created.EnsureSuccessStatusCode();
            deskIds.Add((await created.Content.ReadFromJsonAsync<CreatedDto>())!.Id);
        }

        deskIds = deskIds.Take(Desks).ToList();
        var officers = new List<(HttpClient Client, CookieContainer Cookies, int Desk)>();
        for (var i = 0; i < deskIds.Count; i++)
        {
            (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest($"day-officer-{i}", "Day-desk-pass-1", [deskIds[i]]))).EnsureSuccessStatusCode();
            var cookies = new CookieContainer();
            var officer = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address };
            officer.DefaultRequestHeaders.Add("X-Requested-With", "bench");
            (await officer.PostAsJsonAsync("/api/auth/login", new LoginRequest($"day-officer-{i}", "Day-desk-pass-1"))).EnsureSuccessStatusCode();
            await officer.PostAsJsonAsync($"/api/desks/{deskIds[i]}/open", new { open = true });
            officers.Add((officer, cookies, deskIds[i]));
        }

        var kiosks = new List<HttpClient>();
        for (var i = 0; i < Kiosks; i++)
        {
            var token = (await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, $"day kiosk {i}")))
                .Content.ReadFromJsonAsync<EnrolledDeviceDto>())!.Token;
            var kiosk = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            kiosks.Add(kiosk);
        }

        long hubEvents = 0;
        var hubs = new List<HubConnection>();
        for (var i = 0; i < Displays + Consoles; i++)
        {
            HubConnection hub;
            if (i < Displays)
            {
                var token = (await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Display, $"day display {i}")))
                    .Content.ReadFromJsonAsync<EnrolledDeviceDto>())!.Token;
                hub = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/frontoffice"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
            }
            else
            {
                var cookies = officers[i - Displays].Cookies;
                hub = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/frontoffice"), o =>
                {
                    o.Cookies = cookies;
                    o.Headers["X-Requested-With"] = "bench";
                }).Build();
            }

            hub.On<TicketCalledEvent>(nameof(IFrontOfficeClient.TicketCalled), _ => Interlocked.Increment(ref hubEvents));
            hub.On<QueueChangedEvent>(nameof(IFrontOfficeClient.QueueChanged), _ => Interlocked.Increment(ref hubEvents));
            hub.On<TicketIssuedEvent>(nameof(IFrontOfficeClient.TicketIssued), _ => Interlocked.Increment(ref hubEvents));
            await hub.StartAsync();
            hubs.Add(hub);
        }

        // The visitors' arrival minutes, drawn once (seeded: every run is the same day).
        var random = new Random(2026);
        var arrivals = new List<(double Minute, int ServiceId)>();
        for (var hour = 0; hour < hours; hour++)
        {
            var share = HourlyShare[hour % HourlyShare.Length];
            var count = (int)Math.Round(visitorsPerDay * share);
            for (var v = 0; v < count; v++)
            {
                arrivals.Add((hour * 60 + random.NextDouble() * 60, services[Math.Min(services.Count - 1, (int)(services.Count * Math.Pow(random.NextDouble(), 1.6)))].Id));
            }
        }

        arrivals.Sort((a, b) => a.Minute.CompareTo(b.Minute));
        var cpuBefore = CpuSeconds(server);
        var watch = Stopwatch.StartNew();
        var end = TimeSpan.FromMilliseconds(hours * 60 * minuteMs);
        int issued = 0, served = 0, failed = 0;
        var hourly = new List<(int, long, int)>();

        var visitorWork = Task.Run(async () =>
        {
            var inFlight = new List<Task>();
            for (var i = 0; i < arrivals.Count; i++)
            {
                var (minute, serviceId) = arrivals[i];
                var due = TimeSpan.FromMilliseconds(minute * minuteMs) - watch.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                var kiosk = kiosks[i % kiosks.Count];
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(serviceId)) };
                        request.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
                        (await kiosk.SendAsync(request)).EnsureSuccessStatusCode();
                        Interlocked.Increment(ref issued);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failed); // counted and shown: a failed tap is a finding, not a crash of the bench
                    }
                }));
            }

            await Task.WhenAll(inFlight);
        });

        var deskWork = officers.Select((o, d) => Task.Run(async () =>
        {
            var own = new Random(d);
            while (watch.Elapsed < end)
            {
                try
                {
                    var response = await o.Client.PostAsync(new Uri($"/api/desks/{o.Desk}/call-next", UriKind.Relative), null);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        // Nobody waits: the officer looks again in five minutes (on the compressed clock
                        // a one-minute look would be sixty desks polling twelve times a second).
                        await Task.Delay(TimeSpan.FromMilliseconds(5 * minuteMs));
                        continue;
                    }

                    var ticket = (await response.Content.ReadFromJsonAsync<TicketDto>())!;
                    // 2 to 60 minutes, most visits short: a third-power draw over the range.
                    var minutes = 2 + 58 * Math.Pow(own.NextDouble(), 3);
                    await Task.Delay(TimeSpan.FromMilliseconds(minutes * minuteMs));
                    (await o.Client.PostAsJsonAsync($"/api/tickets/{ticket.Id}/complete", new TicketActionRequest())).EnsureSuccessStatusCode();
                    Interlocked.Increment(ref served);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToList();

        var sampling = Task.Run(async () =>
        {
            for (var hour = 1; hour <= hours; hour++)
            {
                var due = TimeSpan.FromMilliseconds(hour * 60 * minuteMs) - watch.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                hourly.Add((hour, Rss(server), Handles(server)));
            }
        });

        await Task.WhenAll([visitorWork, sampling, .. deskWork]);
        var wall = watch.Elapsed;
        var cpu = CpuSeconds(server) - cpuBefore;
        var peak = PeakRss(server);
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }

        kiosks.ForEach(k => k.Dispose());
        officers.ForEach(o => o.Client.Dispose());
        server.Kill(entireProcessTree: true);
        return new Result(wall, cpu, peak, issued, failed, served, Interlocked.Read(ref hubEvents), hourly);
    }

    private static double CpuSeconds(Process p)
    {
        // utime and stime of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
        var fields = File.ReadAllText($"/proc/{p.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static long Status(Process p, string key) =>
        File.ReadLines($"/proc/{p.Id}/status").Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).FirstOrDefault();

    public static long Rss(Process p) => Status(p, "VmRSS");

    public static long PeakRss(Process p) => Status(p, "VmHWM");

    public static int Handles(Process p) => Directory.GetFileSystemEntries($"/proc/{p.Id}/fd").Length;
}
