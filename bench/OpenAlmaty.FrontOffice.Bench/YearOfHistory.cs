using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using OpenAlmaty.FrontOffice.Contracts;

/// <summary>
/// A year of history in the database (about 750,000 tickets, each with its call), then the year
/// report timed with the server's memory. The rows are copies of one real ticket and call that
/// the server itself wrote (so every column is in the server's own format), with the day, service,
/// number, times, outcome, topic and rating varied; they are written straight into the file while
/// the server is stopped, in one transaction.
/// </summary>
internal static class YearOfHistory
{
    public const int WorkingDays = 250;
    public const int TicketsPerDay = 3000;

    public sealed record Result(int Tickets, TimeSpan Generation, TimeSpan Report, long RssBeforeBytes, long PeakRssBytes, int ServicesInReport);

    public static async Task<Result> RunAsync(Func<(Process Server, Uri Address)> startServer, Func<Uri, Task> signIn, string adminPassword, string dataDirectory)
    {
        // 1. A server writes the schema, the roster and one template ticket with its call.
        var (server, address) = startServer();
        await signIn(address);
        var (admin, officer, serviceIds) = await StaffAsync(address, adminPassword);
        var desk = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!.Desks.First(d => d.ServiceIds.Contains(serviceIds[0]));
        var kioskToken = (await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, "year kiosk")))
            .Content.ReadFromJsonAsync<EnrolledDeviceDto>())!.Token;
        using (var kiosk = new HttpClient { BaseAddress = address })
        {
            kiosk.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", kioskToken);
            using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(serviceIds[0])) };
            issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
            (await kiosk.SendAsync(issue)).EnsureSuccessStatusCode();
        }

        (await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var called = await (await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/call-next", UriKind.Relative), null)).Content.ReadFromJsonAsync<TicketDto>();
        (await officer.PostAsJsonAsync($"/api/tickets/{called!.Id}/complete", new TicketActionRequest())).EnsureSuccessStatusCode();
        server.Kill(entireProcessTree: true);
        server.WaitForExit();

        // 2. A year of copies, straight into the file.
        var watch = Stopwatch.StartNew();
        var tickets = Generate(Path.Combine(dataDirectory, "frontoffice.db"), serviceIds);
        var generation = watch.Elapsed;

        // 3. The year report on a fresh start.
        (server, address) = startServer();
        await signIn(address);
        (admin, _, _) = await StaffAsync(address, adminPassword, officerToo: false);
        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var from = to.AddDays(-364);
        // A small report first: JIT and connections warm, not the year's data.
        (await admin.GetAsync(new Uri($"/api/admin/reports?from={to:yyyy-MM-dd}&to={to:yyyy-MM-dd}&format=json", UriKind.Relative))).EnsureSuccessStatusCode();
        await Task.Delay(1000);
        var before = SimulatedDay.Rss(server);
        var peakBefore = SimulatedDay.PeakRss(server);
        watch.Restart();
        var report = await admin.GetFromJsonAsync<ServiceReportDto>($"/api/admin/reports?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&format=json");
        var took = watch.Elapsed;
        var peak = Math.Max(SimulatedDay.PeakRss(server), peakBefore);
        server.Kill(entireProcessTree: true);
        Console.Error.WriteLine($"year report: {report!.Services.Sum(s => s.Issued)} tickets issued in the report");
        return new Result(tickets, generation, took, before, peak, report.Services.Count);
    }

    private static async Task<(HttpClient Admin, HttpClient Officer, int[] ServiceIds)> StaffAsync(Uri address, string adminPassword, bool officerToo = true)
    {
        var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        admin.DefaultRequestHeaders.Add("X-Requested-With", "bench");
        (await admin.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", adminPassword))).EnsureSuccessStatusCode();
        var roster = (await admin.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var services = roster.Agencies.SelectMany(a => a.Services).Where(s => s.Kind != AgencyKindDto.Reception).Select(s => s.Id).ToArray();
        var officer = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        officer.DefaultRequestHeaders.Add("X-Requested-With", "bench");
        if (officerToo)
        {
            var desk = roster.Desks.First(d => d.ServiceIds.Contains(services[0]));
            (await admin.PostAsJsonAsync("/api/admin/officers", new CreateOfficerRequest("year-officer", "Year-desk-pass-1", [desk.Id]))).EnsureSuccessStatusCode();
            (await officer.PostAsJsonAsync("/api/auth/login", new LoginRequest("year-officer", "Year-desk-pass-1"))).EnsureSuccessStatusCode();
        }

        return (admin, officer, services);
    }

    private static readonly string[] Ksks = Enumerable.Range(1, 40).Select(i => $"КСК «Алатау-{i}»").ToArray();

    private static int Generate(string file, int[] serviceIds)
    {
        using var db = new SqliteConnection($"Data Source={file};Pooling=False");
        db.Open();
        Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var template = Scalar(db, "SELECT Id FROM Tickets LIMIT 1");
        var upper = !template.Any(char.IsAsciiLetterLower);
        var prefixes = serviceIds.ToDictionary(id => id, id => Scalar(db, $"SELECT Prefix FROM Services WHERE Id = {id}"));
        using var transaction = db.BeginTransaction();
        using var ticket = db.CreateCommand();
        ticket.Transaction = transaction;
        ticket.CommandText = """
            INSERT INTO Tickets (Id, PublicId, ServiceId, IssuedServiceId, Prefix, Number, ServiceDay, Language, Priority, IssuedAt, ArrivedAt,
                AppointmentAt, State, DeskId, ParkedByDeskId, CalledAt, ServingStartedAt, ClosedAt, RecallCount, TransferCount, ReservedDeskId,
                TransferNote, PeopleAheadAtIssue, PromisedWaitFromMinutes, PromisedWaitToMinutes, PromisedWaitBasis, IsTraining, IssuedByDeviceId,
                Version, Outcome, Topic, KskName, OutcomeNote, Tier, Rating, RatingComment, RatedAt)
            SELECT $id, $public, $service, $service, $prefix, $number, $day, Language, Priority, $issued, $issued,
                NULL, $state, DeskId, NULL, $called, $serving, $closed, 0, 0, NULL,
                NULL, $ahead, $waitFrom, $waitTo, PromisedWaitBasis, 0, IssuedByDeviceId,
                Version, Outcome, $topic, $ksk, NULL, Tier, $rating, NULL, $rated
            FROM Tickets WHERE Id = $template
            """;
        string[] names = ["$id", "$public", "$service", "$prefix", "$number", "$day", "$issued", "$state", "$called", "$serving", "$closed",
            "$ahead", "$waitFrom", "$waitTo", "$topic", "$ksk", "$rating", "$rated"];
        foreach (var name in names)
        {
            ticket.Parameters.Add(new SqliteParameter(name, null));
        }

        ticket.Parameters.AddWithValue("$template", template);
        using var call = db.CreateCommand();
        call.Transaction = transaction;
        call.CommandText = """
            INSERT INTO TicketCalls (TicketId, ServiceId, DeskId, OfficerId, CalledAt, ServingStartedAt, EndedAt, Outcome, Rule, Reason)
            SELECT $id, $service, DeskId, OfficerId, $called, $serving, $ended, $outcome, Rule, Reason FROM TicketCalls LIMIT 1
            """;
        foreach (var name in new[] { "$id", "$service", "$called", "$serving", "$ended", "$outcome" })
        {
            call.Parameters.Add(new SqliteParameter(name, null));
        }

        var random = new Random(365);
        var count = 0;
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        for (var worked = 0; worked < WorkingDays; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            worked++;
            var numbers = new Dictionary<int, int>();
            var opens = day.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc); // 09:00 in Almaty
            for (var i = 0; i < TicketsPerDay; i++)
            {
                var service = serviceIds[Math.Min(serviceIds.Length - 1, (int)(serviceIds.Length * Math.Pow(random.NextDouble(), 1.6)))];
                var number = numbers[service] = numbers.GetValueOrDefault(service) + 1;
                var issued = opens.AddMinutes(random.NextDouble() * 540);
                var calledAt = issued.AddMinutes(1 + random.NextDouble() * 40);
                var noShow = random.NextDouble() < 0.08;
                var ended = calledAt.AddMinutes(noShow ? 3 : 2 + 58 * Math.Pow(random.NextDouble(), 3));
                var housing = !noShow && random.NextDouble() < 0.05;
                var rated = !noShow && random.NextDouble() < 0.2;
                var id = Guid.CreateVersion7().ToString();
                id = upper ? id.ToUpperInvariant() : id;
                object?[] values = [id, Guid.NewGuid().ToString("N"), service, prefixes[service], number, day, issued, noShow ? "NoShow" : "Completed",
                    calledAt, noShow ? null : calledAt.AddMinutes(1), ended, random.Next(0, 30), 5, 25,
                    housing ? "Housing" : null, housing ? Ksks[random.Next(Ksks.Length)] : null, rated ? random.Next(1, 6) : null, rated ? ended.AddMinutes(5) : null];
                for (var p = 0; p < values.Length; p++)
                {
                    ticket.Parameters[p].Value = values[p] ?? DBNull.Value;
                }

                ticket.ExecuteNonQuery();
                object?[] callValues = [id, service, calledAt, noShow ? null : calledAt.AddMinutes(1), ended, noShow ? "NoShow" : "Completed"];
                for (var p = 0; p < callValues.Length; p++)
                {
                    call.Parameters[p].Value = callValues[p] ?? DBNull.Value;
                }

                call.ExecuteNonQuery();
                count++;
            }
        }

        transaction.Commit();
        Exec(db, "PRAGMA wal_checkpoint(TRUNCATE);");
        return count;
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }
}
