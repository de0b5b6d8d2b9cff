using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Reports;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// A seeded morning of traffic through the real engine (HTTP, SQLite, the fake clock): three
/// services, three officers, arrivals, calls, completions, no-shows, transfers, calls out of
/// order and ratings. The test keeps its own log of what it did and computes every figure from
/// that log; the report must agree.
/// </summary>
public sealed class ReportTests : IAsyncLifetime
{
    private static readonly string[] Ksks = ["КСК «Алатау»", "кск Алатау", "КСК Жетісу", "ПИК «Самал»"];
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed class Visit
    {
        public required TicketDto Ticket { get; init; }
        public required int IssuedService { get; init; }
        public required DateTimeOffset IssuedAt { get; init; }
        public int Service { get; set; }
        public double? Wait { get; set; }
        public int? FirstCallService { get; set; }
        public string State { get; set; } = "Waiting";
        public string? Topic { get; set; }
        public string? Ksk { get; set; }
        public int? Rating { get; set; }
    }

    private sealed record Call(Visit Visit, int Service, string Officer, DateTimeOffset At, bool OutOfOrder)
    {
        public DateTimeOffset? EndedAt { get; set; }
        public string? Outcome { get; set; }
    }

    private sealed class Officer
    {
        public required string Name { get; init; }
        public required HttpClient Client { get; init; }
        public required int Desk { get; init; }
        public required int Service { get; init; }
        public Call? Current { get; set; }
        public DateTimeOffset DoneAt { get; set; }
        public string Plan { get; set; } = "";
    }

    private readonly List<Visit> _visits = [];
    private readonly List<Call> _calls = [];

    /// <summary>10:00–13:00 on Monday 30 November 2026, minute by minute.</summary>
    private async Task<List<Officer>> SimulateAsync(int seed)
    {
        var random = new Random(seed);
        using var admin = _app.Client(_hall.Admin);
        using var kiosk = _app.Client(_hall.Kiosk);
        using var phone = _app.Client(Caller.Anonymous);
        string[] codes = ["energy", "water", "police"];
        var officers = new List<Officer>();
        foreach (var (code, i) in codes.Select((c, i) => (c, i)))
        {
            var service = _hall.Service(code).Id;
            var desk = (await (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest($"R{i + 1}", [service]))).OkAsync<CreatedDto>()).Id;
            var name = $"officer-{code}";
            var client = _app.Client(await _app.OfficerAsync(_hall.Admin, name, desk));
            (await client.PostAsync(new Uri($"/api/desks/{desk}/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
            officers.Add(new Officer { Name = name, Client = client, Desk = desk, Service = service });
        }

        for (var minute = 0; minute < 180; minute++)
        {
            var now = _app.Clock.GetUtcNow();
            foreach (var officer in officers)
            {
                if (random.NextDouble() < (minute < 120 ? 0.16 : 0.06))
                {
                    var ticket = await kiosk.IssuedAsync(officer.Service);
                    _visits.Add(new Visit { Ticket = ticket, IssuedService = officer.Service, Service = officer.Service, IssuedAt = now });
                }
            }

            foreach (var officer in officers)
            {
                await StepAsync(officer, now, random, phone);
            }

            _app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        return officers;
    }

    private async Task StepAsync(Officer officer, DateTimeOffset now, Random random, HttpClient phone)
    {
        if (officer.Current is { } call)
        {
            if (now < officer.DoneAt)
            {
                return;
            }

            var visit = call.Visit;
            switch (officer.Plan)
            {
                case "no-show":
                    (await officer.Client.ActAsync(visit.Ticket.Id, "no-show")).EnsureSuccessStatusCode();
                    visit.State = "NoShow";
                    break;
                case "transfer":
                    var to = _hall.Service(new[] { "energy", "water", "police" }.First(c => _hall.Service(c).Id != call.Service)).Id;
                    (await officer.Client.ActAsync(visit.Ticket.Id, "transfer", new TransferTicketRequest(to, "құжат / документы"))).EnsureSuccessStatusCode();
                    (visit.State, visit.Service) = ("Waiting", to);
                    break;
                default:
                    var housing = random.NextDouble() < 0.45;
                    visit.Topic = housing ? "housing" : new[] { "energy", "transport", "landscaping", "other" }[random.Next(4)];
                    visit.Ksk = housing ? Ksks[random.Next(Ksks.Length)] : null;
                    (await officer.Client.ActAsync(visit.Ticket.Id, "complete", new CompleteTicketRequest("resolved", visit.Topic, visit.Ksk))).EnsureSuccessStatusCode();
                    visit.State = "Completed";
                    if (random.NextDouble() < 0.4)
                    {
                        visit.Rating = random.Next(1, 6);
                        Assert.Equal(HttpStatusCode.NoContent,
                            (await phone.PostAsJsonAsync($"/api/public/tickets/{visit.Ticket.PublicId}/rating", new RateVisitRequest(visit.Rating.Value, "Рахмет"))).StatusCode);
                    }

                    break;
            }

            (call.EndedAt, call.Outcome, officer.Current) = (now, officer.Plan, null);
            return;
        }

        var waiting = _visits.Where(v => v.State == "Waiting" && v.Service == officer.Service).ToList();
        if (waiting.Count == 0 || random.NextDouble() < 0.2)
        {
            return; // a pause between visitors
        }

        TicketDto called;
        var outOfOrder = waiting.Count >= 3 && random.NextDouble() < 0.08;
        if (outOfOrder)
        {
            var pick = waiting[^1];
            called = await (await officer.Client.PostAsJsonAsync($"/api/desks/{officer.Desk}/call", new CallTicketRequest(pick.Ticket.Id, "Ардагер / ветеран"))).OkAsync<TicketDto>();
            Assert.Equal(pick.Ticket.Id, called.Id);
        }
        else
        {
            called = await officer.Client.CalledAsync(officer.Desk);
        }

        var visitCalled = _visits.Single(v => v.Ticket.Id == called.Id);
        visitCalled.State = "Called";
        if (visitCalled.Wait is null)
        {
            (visitCalled.Wait, visitCalled.FirstCallService) = ((now - visitCalled.IssuedAt).TotalMinutes, officer.Service);
        }

        var newCall = new Call(visitCalled, officer.Service, officer.Name, now, outOfOrder);
        _calls.Add(newCall);
        officer.Current = newCall;
        var roll = random.NextDouble();
        (officer.Plan, officer.DoneAt) = roll < 0.08 ? ("no-show", now.AddMinutes(2))
            : roll < 0.15 && visitCalled.Service == visitCalled.IssuedService ? ("transfer", now.AddMinutes(3))
            : ("completed", now.AddMinutes(random.Next(3, 13)));
    }

    private static double? P(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
    }

    [Fact]
    public async Task Every_figure_of_a_simulated_morning_matches_what_the_test_counted_itself()
    {
        var officers = await SimulateAsync(seed: 2026);
        using var admin = _app.Client(await _app.AdminAsync()); // three hours of fake time: a fresh sign-in
        var report = await admin.GetFromJsonAsync<ServiceReportDto>("/api/admin/reports?from=2026-11-30&to=2026-11-30&kskThreshold=3");
        Assert.NotNull(report);
        Assert.True(_visits.Count > 50, $"{_visits.Count} visits");

        foreach (var officer in officers)
        {
            var s = officer.Service;
            var row = report.Services.Single(x => x.ServiceId == s);
            var first = _visits.Where(v => v.FirstCallService == s).ToList();
            var done = _calls.Where(c => c.Service == s && c.Outcome == "completed").Select(c => (c.EndedAt!.Value - c.At).TotalMinutes).ToList();
            var rated = _visits.Where(v => v.Service == s && v.Rating is not null).ToList();
            Assert.Equal(_visits.Count(v => v.IssuedService == s), row.Issued);
            Assert.Equal(first.Count, row.Called);
            Assert.Equal(done.Count, row.Served);
            Assert.Equal(_visits.Count(v => v.Service == s && v.State == "NoShow"), row.NoShows);
            Assert.Equal(_calls.Count(c => c.Service == s && c.Outcome == "transfer"), row.TransfersOut);
            Assert.Equal(_calls.Count(c => c.Service == s && c.OutOfOrder), row.OutOfOrderCalls);
            Assert.Equal(P(first.Select(v => v.Wait!.Value), 0.5), row.WaitP50);
            Assert.Equal(P(first.Select(v => v.Wait!.Value), 0.9), row.WaitP90);
            Assert.Equal(P(done, 0.5), row.ServiceP50);
            Assert.Equal(P(done, 0.9), row.ServiceP90);
            Assert.Equal(first.Count(v => v.Wait > v.Ticket.EstimatedWait.ToMinutes), row.PromiseBroken);
            Assert.Equal(rated.Count, row.Ratings);
            Assert.Equal(rated.Count == 0 ? null : Math.Round(rated.Average(v => v.Rating!.Value), 2), row.RatingAverage);

            var agency = report.Agencies.Single(a => a.AgencyId == row.AgencyId);
            Assert.Equal((row.Issued, row.Served, row.NoShows, row.WaitP50, row.PromiseBroken), (agency.Issued, agency.Served, agency.NoShows, agency.WaitP50, agency.PromiseBroken));

            var mine = _calls.Where(c => c.Officer == officer.Name).OrderBy(c => c.At).ToList();
            var idle = mine.Zip(mine.Skip(1)).Where(p => p.Second.At > p.First.EndedAt).Sum(p => (p.Second.At - p.First.EndedAt!.Value).TotalMinutes);
            var figures = report.Officers.Single(o => o.UserName == officer.Name);
            Assert.Equal(done.Count, figures.Served);
            Assert.Equal(done.Count == 0 ? null : Math.Round(done.Average(), 1), figures.AverageServiceMinutes);
            Assert.Equal(Math.Round(idle, 1), figures.IdleMinutes);
        }

        Assert.Equal(3, report.Agencies.Count);
        Assert.All(report.Services.Where(x => officers.All(o => o.Service != x.ServiceId)), x => Assert.Equal(0, x.Issued));
        Assert.True(report.Services.Sum(x => x.OutOfOrderCalls) > 0 && report.Services.Sum(x => x.TransfersOut) > 0 && report.Services.Sum(x => x.NoShows) > 0,
            "the morning has every kind of event");

        var byHour = new int[24];
        foreach (var v in _visits)
        {
            byHour[v.IssuedAt.ToOffset(TimeSpan.FromHours(5)).Hour]++;
        }

        Assert.Equal(byHour, report.IssuedByHour);
        var completed = _visits.Where(v => v.State == "Completed").ToList();
        Assert.Equal(["energy", "housing", "transport", "landscaping", "other"], report.Topics.Select(t => t.Topic));
        Assert.All(report.Topics, t => Assert.Equal(completed.Count(v => v.Topic == t.Topic), t.Visits));
        var alatau = completed.Count(v => v.Ksk is "КСК «Алатау»" or "кск Алатау");
        var expectedKsk = new[] { ("Алатау", alatau), ("Жетісу", completed.Count(v => v.Ksk == "КСК Жетісу")), ("Самал", completed.Count(v => v.Ksk == "ПИК «Самал»")) }
            .Where(k => k.Item2 >= 3).OrderByDescending(k => k.Item2).Select(k => (k.Item1, k.Item2)).ToList();
        Assert.Equal(expectedKsk, report.KskSignals.Select(k => (expectedKsk.Select(e => e.Item1).First(n => k.Ksk.Contains(n, StringComparison.Ordinal)), k.Visits)).ToList());
        Assert.All(report.KskSignals, k => Assert.Equal([new DateOnly(2026, 11, 30)], k.Days));
        var ratings = _visits.Where(v => v.Rating is not null).ToList();
        Assert.Equal((ratings.Count, Math.Round(ratings.Average(v => v.Rating!.Value), 2)), (report.Ratings.Count, report.Ratings.Average));

        // The default threshold of 10 keeps only the KSKs named ten times or more.
        var strict = await admin.GetFromJsonAsync<ServiceReportDto>("/api/admin/reports?from=2026-11-30&to=2026-11-30");
        Assert.Equal(expectedKsk.Count(k => k.Item2 >= 10), strict!.KskSignals.Count);

        // The PDF names the agencies in Kazakh and Russian; the CSV has the same figures.
        var pdfBytes = await admin.GetByteArrayAsync(new Uri("/api/admin/reports?from=2026-11-30&to=2026-11-30&format=pdf&kskThreshold=3", UriKind.Relative));
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "service-report.pdf"), pdfBytes);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfBytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        foreach (var agency in report.Agencies)
        {
            Assert.Contains(agency.NameKk.Split(' ')[0], text, StringComparison.Ordinal);
            Assert.Contains(agency.NameRu.Split(' ')[0], text, StringComparison.Ordinal);
        }

        Assert.Contains("Органдар", text, StringComparison.Ordinal);
        Assert.Contains("Алатау", text, StringComparison.Ordinal);
        var csv = System.Text.Encoding.UTF8.GetString(await admin.GetByteArrayAsync(new Uri("/api/admin/reports?from=2026-11-30&to=2026-11-30&format=csv", UriKind.Relative)));
        var energy = report.Agencies.Single(a => a.AgencyId == report.Services.Single(x => x.Code == "energy").AgencyId);
        Assert.Contains($"{energy.NameKk};{energy.NameRu};{energy.Issued};{energy.Served};", csv, StringComparison.Ordinal);

        // The night after, the day's report is written to the data directory.
        _app.Clock.Advance(TimeSpan.FromHours(14));
        // The hourly pass, woken by the clock, may be writing it at this very moment too: one writer
        // writes, the others find it written, and nobody fails.
        await using var scope = _app.Services.CreateAsyncScope();
        await using var other = _app.Services.CreateAsyncScope();
        var nightly = scope.ServiceProvider.GetRequiredService<WriteNightlyReport>();
        var both = await Task.WhenAll(nightly.HandleAsync(CancellationToken.None),
            other.ServiceProvider.GetRequiredService<WriteNightlyReport>().HandleAsync(CancellationToken.None));
        Assert.True(both.Count(p => p is not null) <= 1);
        var written = Path.Combine(nightly.Directory, "report-2026-11-30.pdf");
        Assert.True(File.Exists(written) && File.Exists(Path.ChangeExtension(written, ".csv")));
        using var night = UglyToad.PdfPig.PdfDocument.Open(written);
        Assert.Contains(energy.NameRu.Split(' ')[0], string.Join(" ", night.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
        Assert.Null(await nightly.HandleAsync(CancellationToken.None)); // once per day
    }

    [Fact]
    public async Task The_dashboard_turns_amber_then_red_as_the_longest_wait_passes_the_target_and_lists_desks_on_a_break()
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        var energy = _hall.Service("energy");
        var agencyId = _hall.Roster.Agencies.Single(a => a.Services.Any(s => s.Id == energy.Id)).Id;
        await kiosk.IssuedAsync(energy.Id);
        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await kiosk.IssuedAsync(energy.Id);

        async Task<AgencyNowDto> EnergyAsync()
        {
            using var admin = _app.Client(await _app.AdminAsync());
            return (await admin.GetFromJsonAsync<HallDashboardDto>("/api/admin/dashboard"))!.Agencies.Single(a => a.AgencyId == agencyId);
        }

        var now = await EnergyAsync();
        Assert.Equal((2, 10, 30, "green"), (now.Waiting, now.LongestWaitMinutes, now.TargetWaitMinutes, now.Sla));
        _app.Clock.Advance(TimeSpan.FromMinutes(25)); // the first visitor has waited 35 minutes of a 30-minute target
        Assert.Equal((35, "amber"), ((await EnergyAsync()).LongestWaitMinutes, (await EnergyAsync()).Sla));
        _app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("red", (await EnergyAsync()).Sla);

        var desk = _hall.DeskOf("energy");
        using var officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "dash-officer", desk.Id));
        await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null);
        Assert.Equal(1, (await EnergyAsync()).OpenDesks);
        var called = await officer.CalledAsync(desk.Id);
        Assert.Equal((1, 55), ((await EnergyAsync()).Waiting, (await EnergyAsync()).LongestWaitMinutes)); // the other one, 55 minutes in
        (await officer.ActAsync(called.Id, "complete")).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/api/desks/{desk.Id}/close", new CloseDeskRequest("түскі ас / обед"))).EnsureSuccessStatusCode();
        using var admin = _app.Client(await _app.AdminAsync());
        var dashboard = (await admin.GetFromJsonAsync<HallDashboardDto>("/api/admin/dashboard"))!;
        Assert.Contains(dashboard.DesksOnBreak, b => b.DeskId == desk.Id && b.Reason == "түскі ас / обед");
        Assert.Equal(0, dashboard.Agencies.Single(a => a.AgencyId == agencyId).OpenDesks);
        Assert.Equal(2, dashboard.IssuedTodayByHour.Sum());
    }

    [Fact]
    public async Task A_reversed_or_absurd_period_and_a_second_or_early_rating_are_refused_plainly()
    {
        using var admin = _app.Client(_hall.Admin, "ru");
        var reversed = await (await admin.GetAsync(new Uri("/api/admin/reports?from=2026-12-01&to=2026-11-01", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidPeriod);
        Assert.Contains("Неверный период", reversed.GetProperty("title").GetString(), StringComparison.Ordinal);
        await (await admin.GetAsync(new Uri("/api/admin/reports?from=2020-01-01&to=2026-11-30&format=pdf", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidPeriod);

        using var kiosk = _app.Client(_hall.Kiosk);
        using var phone = _app.Client(Caller.Anonymous);
        var ticket = await kiosk.IssuedAsync(_hall.Service("energy").Id);
        var rating = $"/api/public/tickets/{ticket.PublicId}/rating";
        await (await phone.PostAsJsonAsync(rating, new RateVisitRequest(5, null))).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.TicketWrongState);

        var desk = _hall.DeskOf("energy");
        using var officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "rating-officer", desk.Id));
        await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null);
        await officer.CalledAsync(desk.Id);
        (await officer.ActAsync(ticket.Id, "complete")).EnsureSuccessStatusCode();
        await (await phone.PostAsJsonAsync(rating, new RateVisitRequest(6, null))).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsJsonAsync(rating, new RateVisitRequest(4, "<script>alert(1)</script> жақсы"))).StatusCode);
        await (await phone.PostAsJsonAsync(rating, new RateVisitRequest(1, null))).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.TicketWrongState);
        Assert.Equal(4, (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}"))!.Rating);

        // The comment reaches the report as the text typed; the PDF prints it as text.
        var report = (await admin.GetFromJsonAsync<ServiceReportDto>("/api/admin/reports?from=2026-11-30&to=2026-11-30"))!;
        Assert.Equal([new VisitorCommentDto(new DateOnly(2026, 11, 30), _hall.Service("energy").Id, 4, "<script>alert(1)</script> жақсы")], report.Comments);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await admin.GetByteArrayAsync(new Uri("/api/admin/reports?from=2026-11-30&to=2026-11-30&format=pdf", UriKind.Relative)));
        Assert.Contains("жақсы", string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
    }
}
