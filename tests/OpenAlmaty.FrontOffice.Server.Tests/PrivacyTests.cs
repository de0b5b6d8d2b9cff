using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Privacy;
using OpenAlmaty.FrontOffice.Application.Reports;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>An administrator sets how long personal data is kept, and the hall forgets it on time.</summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_admin_sets_the_retention_period_and_visit_notes_comments_and_report_files_older_than_it_are_erased()
    {
        var admin = _app.Client(_hall.Admin, "ru");
        var start = await admin.GetFromJsonAsync<RetentionDto>("/api/admin/retention");
        Assert.Equal((365, false, new DateOnly(2025, 11, 30)), (start!.Days, start.SetByAdmin, start.ErasesBefore));

        // Bad input says why in the staff member's language and changes nothing, not even the audit log.
        var auditBefore = await ReadAsync(db => db.AuditEntries.CountAsync());
        foreach (var days in new[] { 0, -5, 3651 })
        {
            var refused = await (await admin.PutAsJsonAsync("/api/admin/retention", new SetRetentionRequest(days)))
                .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidRetention);
            Assert.Contains("от 1 до 3650", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        await (await admin.PutAsync(new Uri("/api/admin/retention", UriKind.Relative),
            new StringContent("{\"days\":\"many\"}", System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.Equal(365, (await admin.GetFromJsonAsync<RetentionDto>("/api/admin/retention"))!.Days);
        Assert.Equal(auditBefore, await ReadAsync(db => db.AuditEntries.CountAsync()));

        // A visit on 30 November with an officer's note and the visitor's comment, and that night's report file.
        var old = await VisitAsync("old-officer", "Иванов И.И. просил перезвонить на +7 701 111 22 33", "Рахмет, Айгүл");
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WriteNightlyReport>().HandleAsync(CancellationToken.None);
        }

        var reports = Path.Combine(_app.DataDirectory, "reports");
        Assert.True(File.Exists(Path.Combine(reports, "report-2026-11-30.pdf")));

        // Staff sign-ins last a working day: the clock has moved on, so the admin signs in again.
        admin.Dispose();
        admin = _app.Client(await _app.AdminAsync(), "ru");
        var set = await (await admin.PutAsJsonAsync("/api/admin/retention", new SetRetentionRequest(20))).OkAsync<RetentionDto>();
        Assert.Equal((20, true, new DateOnly(2026, 11, 11)), (set.Days, set.SetByAdmin, set.ErasesBefore));
        var audit = await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=settings.retention");
        Assert.Equal("365 → 20 days", Assert.Single(audit!).Detail);

        // Four weeks on: a visit of today keeps its texts, the one of 30 November loses them.
        // (The hourly housekeeping, woken by the clock jump, may erase first: either way the outcome is the same.)
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 29, 5, 0, 0, TimeSpan.Zero));
        var recent = await VisitAsync("new-officer", "Перезвонить", "Жақсы");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ErasePersonalData>().HandleAsync(CancellationToken.None);
        }

        var tickets = await ReadAsync(db => db.Tickets.AsNoTracking().Where(t => t.Id == old || t.Id == recent).ToListAsync());
        var gone = tickets.Single(t => t.Id == old);
        var kept = tickets.Single(t => t.Id == recent);
        Assert.Equal((null, null, 5, "КСК Алатау"), (gone.OutcomeNote, gone.RatingComment, gone.Rating, gone.KskName));
        Assert.Equal(("Перезвонить", "Жақсы"), (kept.OutcomeNote, kept.RatingComment));
        Assert.False(File.Exists(Path.Combine(reports, "report-2026-11-30.pdf")));
        Assert.False(File.Exists(Path.Combine(reports, "report-2026-11-30.csv")));

        admin.Dispose();
        admin = _app.Client(await _app.AdminAsync(), "ru");

        // The visit still counts in the period's report, with its rating and KSK; only the words are gone.
        var report = (await admin.GetFromJsonAsync<ServiceReportDto>("/api/admin/reports?from=2026-11-30&to=2026-11-30"))!;
        Assert.Equal((1, 1), (report.Services.Single(s => s.ServiceId == _hall.Service("energy").Id).Served, report.Ratings.Count));
        Assert.Empty(report.Comments ?? []);
        admin.Dispose();
    }

    /// <summary>A completed housing visit at the energy desk, noted by the officer and rated with a comment; the ticket's id.</summary>
    private async Task<Guid> VisitAsync(string officerName, string note, string comment)
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        using var phone = _app.Client(Caller.Anonymous);
        var desk = _hall.DeskOf("energy");
        using var officer = _app.Client(await _app.OfficerAsync(await _app.AdminAsync(), officerName, desk.Id));
        var ticket = await kiosk.IssuedAsync(_hall.Service("energy").Id);
        await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null);
        await officer.CalledAsync(desk.Id);
        (await officer.ActAsync(ticket.Id, "complete", new CompleteTicketRequest("resolved", "housing", "КСК Алатау", note))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsJsonAsync($"/api/public/tickets/{ticket.PublicId}/rating", new RateVisitRequest(5, comment))).StatusCode);
        (await officer.PostAsJsonAsync($"/api/desks/{desk.Id}/close", new CloseDeskRequest("конец дня"))).EnsureSuccessStatusCode();
        return ticket.Id;
    }

    private async Task<T> ReadAsync<T>(Func<FrontOfficeDb, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FrontOfficeDb>());
    }
}
