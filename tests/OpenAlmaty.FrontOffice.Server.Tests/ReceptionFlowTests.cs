using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>A deputy akim's personal reception through HTTP, on the fake clock (Monday 30 November 2026, 10:00).</summary>
public sealed class ReceptionFlowTests : IAsyncLifetime
{
    // Valid IINs (check digits computed outside .NET).
    private static readonly string[] Residents = ["900101194588", "900101107309", "900101113750", "900101135897", "900101171403"];

    /// <summary>A short retention period, so that erasure is reached with a month's jump of the clock.</summary>
    private readonly FrontOfficeApp _app = new() { ReceptionRetentionDays = 30 };
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static BookReceptionRequest Request(Guid session, string slot, string iin) =>
        new(session, slot, iin, "Айгүл Серікова", "+7 701 123 45 67", "housing", "Ауладағы жарық / свет во дворе");

    [Fact]
    public async Task Book_wait_cancel_promote_reschedule_check_in_and_be_called_before_walk_ins()
    {
        using var admin = _app.Client(_hall.Admin);
        using var kiosk = _app.Client(_hall.Kiosk);
        var desk = _hall.DeskOf("personal-reception");
        var session = await (await admin.PostAsJsonAsync("/api/receptions/sessions",
            new CreateSessionRequest("Ахметов А.А.", null, new DateOnly(2026, 12, 3), "10:00", "11:00", 20, 1, desk.Id))).OkAsync<ReceptionSessionDto>();
        Assert.Equal(["10:00", "10:20", "10:40"], session.Slots.Select(s => s.Start));

        // Three places, four residents: the fourth waits.
        var codes = new List<string>();
        foreach (var (slot, iin) in new[] { ("10:00", Residents[0]), ("10:20", Residents[1]), ("10:40", Residents[2]) })
        {
            var response = await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(session.Id, slot, iin));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            codes.Add((await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!.Code);
        }

        var waiting = await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(session.Id, "10:00", Residents[3]))).OkAsync<BookingCreatedDto>();
        Assert.Equal((1, (string?)null), (waiting.WaitingListPosition, waiting.SlotStart));

        // The kiosk lost its screen after the commit and the resident typed it all again: the same booking, not a second.
        var repeated = await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(session.Id, "10:40", Residents[0]))).OkAsync<BookingCreatedDto>();
        Assert.Equal((codes[0], "10:00"), (repeated.Code, repeated.SlotStart));

        // Bad input: each says why and books nothing.
        await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(session.Id, "10:00", Residents[0]) with { Text = "Тағы бір мәселе" }))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.BookingLimit);
        await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(session.Id, "10:00", "900101194589")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidIin);
        await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(Guid.NewGuid(), "10:00", Residents[4])))
            .ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownSession);
        using var phone = _app.Client(Caller.Anonymous);
        await (await phone.GetAsync(new Uri("/api/receptions/bookings/NOSUCH99", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownBooking);
        Assert.Equal(1, (await admin.GetFromJsonAsync<List<ReceptionSessionDto>>("/api/receptions/sessions?from=2026-12-03&to=2026-12-03"))!.Single().WaitingList);

        // The status page by code shows time and place, never the IIN or the name.
        var page = await phone.GetStringAsync(new Uri($"/api/receptions/bookings/{codes[0]}", UriKind.Relative));
        Assert.Contains("\"slotStart\":\"10:00\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("4588", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Айгүл", page, StringComparison.Ordinal);

        var statusPage = WebUtility.HtmlDecode(await phone.GetStringAsync(new Uri($"/b/{codes[1]}", UriKind.Relative)));
        Assert.Contains("Вы записаны", statusPage, StringComparison.Ordinal);
        Assert.Contains("03.12.2026 10:20", statusPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Айгүл", statusPage, StringComparison.Ordinal);

        // The first cancels: the code alone (a slip anyone may pick up) or with wrong digits is not enough;
        // with the last four digits of the phone given at booking it is. The waiting resident is offered 10:00 and confirms.
        await (await phone.DeleteAsync(new Uri($"/api/receptions/bookings/{codes[0]}", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.BookingProofMismatch);
        await (await phone.DeleteAsync(new Uri($"/api/receptions/bookings/{codes[0]}?phoneLastFour=4568", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.BookingProofMismatch);
        Assert.Equal("Active", (await phone.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{codes[0]}"))!.State);
        Assert.Equal(HttpStatusCode.NoContent, (await phone.DeleteAsync(new Uri($"/api/receptions/bookings/{codes[0]}?phoneLastFour=4567", UriKind.Relative))).StatusCode);
        var offered = await phone.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{waiting.Code}");
        Assert.Equal(("Offered", "10:00"), (offered!.State, offered.SlotStart));
        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync(new Uri($"/api/receptions/bookings/{waiting.Code}/confirm", UriKind.Relative), null)).StatusCode);

        var icsBefore = Ical.Net.Calendar.Load(await phone.GetStringAsync(new Uri($"/api/receptions/bookings/{codes[1]}/calendar.ics", UriKind.Relative)))!.Events.Single();
        Assert.Equal(new DateTime(2026, 12, 3, 5, 20, 0, DateTimeKind.Utc), icsBefore.Start!.AsUtc);
        Assert.Contains("32", icsBefore.Location, StringComparison.Ordinal);
        await (await phone.GetAsync(new Uri($"/api/receptions/bookings/{codes[0]}/calendar.ics", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.BookingWrongState);

        // The deputy akim is called away: the whole session moves to Friday, order kept.
        var reschedule = new Uri($"/api/receptions/sessions/{session.Id}/reschedule", UriKind.Relative);
        await (await admin.PostAsJsonAsync(reschedule, new RescheduleSessionRequest(new DateOnly(2026, 12, 5))))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NotAWorkingDay);
        var preview = await (await admin.PostAsJsonAsync(reschedule, new RescheduleSessionRequest(new DateOnly(2026, 12, 4)))).OkAsync<ReschedulePlanDto>();
        Assert.False(preview.Applied);
        // The preview changed nothing.
        Assert.Equal(new DateOnly(2026, 12, 3), (await phone.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{codes[1]}"))!.Date);
        var applied = await (await admin.PostAsJsonAsync(reschedule, new RescheduleSessionRequest(new DateOnly(2026, 12, 4), Confirm: true))).OkAsync<ReschedulePlanDto>();
        Assert.True(applied.Applied);
        Assert.Equal(preview.Moves, applied.Moves);
        Assert.Equal([(waiting.Code, "10:00"), (codes[1], "10:20"), (codes[2], "10:40")], applied.Moves.Select(m => (m.Code, m.ToSlot!)));
        foreach (var code in new[] { waiting.Code, codes[1], codes[2] })
        {
            var moved = await phone.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{code}");
            Assert.Equal((new DateOnly(2026, 12, 4), "32"), (moved!.Date, moved.DeskNumber));
        }

        // The calendar file of a moved booking moves the same event (same UID, higher SEQUENCE).
        var icsAfter = Ical.Net.Calendar.Load(await phone.GetStringAsync(new Uri($"/api/receptions/bookings/{codes[1]}/calendar.ics", UriKind.Relative)))!.Events.Single();
        Assert.Equal((icsBefore.Uid, new DateTime(2026, 12, 4, 5, 20, 0, DateTimeKind.Utc)), (icsAfter.Uid, icsAfter.Start!.AsUtc));
        Assert.True(icsAfter.Sequence > icsBefore.Sequence);

        await (await admin.PostAsJsonAsync(reschedule, new RescheduleSessionRequest(new DateOnly(2026, 12, 7), Confirm: true)))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.SessionUnavailable);

        // Each resident has exactly one notice to deliver, the latest ("moved"); older ones are stale.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
            var live = await db.ResidentNotices.Where(n => n.DoneAt == null && !n.Stale).ToListAsync();
            var moved = await db.Bookings.Where(b => b.Code == codes[1] || b.Code == codes[2] || b.Code == waiting.Code).ToListAsync();
            Assert.All(moved, b => Assert.Equal("moved", live.Single(n => n.BookingId == b.Id).Kind));
            Assert.All(moved, b => Assert.Equal(b.Version, live.Single(n => n.BookingId == b.Id).BookingVersion));
        }

        var officerCaller = await _app.OfficerAsync(_hall.Admin, "reception-officer", desk.Id);

        // Friday: a walk-in at 9:50, the 10:00 booking checks in at 9:55; at 10:00 the booking is called first.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 4, 50, 0, TimeSpan.Zero));
        var walkIn = await kiosk.IssuedAsync(_hall.Service("personal-reception").Id);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var checkedIn = await (await kiosk.PostAsJsonAsync("/api/receptions/check-in", new CheckInRequest(waiting.Code.ToLowerInvariant()))).OkAsync<TicketDto>();
        await (await kiosk.PostAsJsonAsync("/api/receptions/check-in", new CheckInRequest(waiting.Code)))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.BookingWrongState);
        await (await kiosk.PostAsJsonAsync("/api/receptions/check-in", new CheckInRequest("NOSUCH99")))
            .ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownBooking);

        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        using var officer = _app.Client(await _app.LoginAsync(officerCaller.Name, "Officer-pass-1"));
        await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null);
        Assert.Equal(checkedIn.Id, (await officer.CalledAsync(desk.Id)).Id);
        await (await officer.PostAsJsonAsync($"/api/tickets/{checkedIn.Id}/complete", new CompleteTicketRequest("appeal-registered", "housing", "КСК «Алатау»")))
            .OkAsync<TicketDto>();
        Assert.Equal(walkIn.Id, (await officer.CalledAsync(desk.Id)).Id);

        // The outcome the officer recorded is the booking's too, for the administrators.
        var target = (await officer.GetFromJsonAsync<List<ReceptionSessionDto>>("/api/receptions/sessions?from=2026-12-04&to=2026-12-04"))!.Single();
        var attended = (await officer.GetFromJsonAsync<List<StaffBookingDto>>($"/api/receptions/sessions/{target.Id}/bookings"))!.Single(b => b.Code == waiting.Code);
        Assert.Equal(("CheckedIn", checkedIn.Number, "appeal-registered"), (attended.State, attended.TicketNumber, attended.Outcome));

        // The matter becomes a written appeal: 15 working days from Friday 4 December, past Independence Day (16th).
        var appeal = await (await officer.PostAsJsonAsync("/api/receptions/appeals", new RegisterAppealRequest(checkedIn.Id, "ЖТ-2026-0412", "Ауладағы жарық")))
            .OkAsync<AppealDto>();
        Assert.Equal((new DateOnly(2026, 12, 28), "on-time"), (appeal.DueOn, appeal.Standing));
        await (await officer.PostAsJsonAsync("/api/receptions/appeals", new RegisterAppealRequest(walkIn.Id, "", "x")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 4, 0, 0, TimeSpan.Zero));
        using var lateAdmin = _app.Client(await _app.AdminAsync());
        var attention = await lateAdmin.GetFromJsonAsync<List<AppealDto>>("/api/receptions/appeals?attention=true");
        Assert.Equal([(appeal.Id, "near-due")], attention!.Select(a => (a.Id, a.Standing)));
        var extend = new Uri($"/api/receptions/appeals/{appeal.Id}/extend", UriKind.Relative);
        await (await lateAdmin.PostAsJsonAsync(extend, new ExtendAppealRequest(new DateOnly(2027, 2, 5), "Комиссия")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        var extended = await (await lateAdmin.PostAsJsonAsync(extend, new ExtendAppealRequest(new DateOnly(2027, 2, 4), "Комиссия"))).OkAsync<AppealDto>();
        Assert.Equal((new DateOnly(2027, 2, 4), new DateOnly(2026, 12, 29), "on-time"), (extended.DueOn, extended.TellResidentBy, extended.Standing));
        Assert.Empty((await lateAdmin.GetFromJsonAsync<List<AppealDto>>("/api/receptions/appeals?attention=true"))!);

        // Each step of an appeal is audited, with who did it; the refused register left no entry.
        var audit = (await lateAdmin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?take=1000"))!
            .Where(e => e.Action.StartsWith("appeal.", StringComparison.Ordinal)).OrderBy(e => e.Id).ToList();
        Assert.Equal(["appeal.register", "appeal.extend"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal($"appeal {appeal.Id:N}", e.Subject));
        Assert.Contains("ЖТ-2026-0412", audit[0].Detail, StringComparison.Ordinal);
        Assert.Contains("2027-02-04", audit[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_days_list_as_pdf_and_csv_names_the_residents_in_kazakh_and_russian_and_never_shows_an_iin()
    {
        using var admin = _app.Client(_hall.Admin);
        using var kiosk = _app.Client(_hall.Kiosk);
        var session = await (await admin.PostAsJsonAsync("/api/receptions/sessions",
            new CreateSessionRequest("Ахметов Әділет Қайратұлы", null, new DateOnly(2026, 12, 3), "15:00", "16:00", 30, 2, _hall.DeskOf("personal-reception").Id)))
            .OkAsync<ReceptionSessionDto>();
        await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", new BookReceptionRequest(session.Id, "15:00", Residents[0],
            "Өмірзақова Әсел Ғалымқызы", "+7 701 111 22 33", "housing", "=HYPERLINK(\"x\") КСК «Шұғыла» жөндеу"))).OkAsync<BookingCreatedDto>();
        await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", new BookReceptionRequest(session.Id, "15:30", Residents[1],
            "Щербакова Юлия Эдуардовна", "+7 702 444 55 66", "transport", "Остановка; автобус №12"))).OkAsync<BookingCreatedDto>();

        var pdf = await admin.GetByteArrayAsync(new Uri("/api/receptions/day?date=2026-12-03", UriKind.Relative));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var word in new[] { "Өмірзақова", "Әсел", "Ғалымқызы", "Щербакова", "Юлия", "Эдуардовна", "Ахметов", "Әділет", "Қайратұлы", "Жеке", "қабылдау", "Личный", "приём", "15:00", "15:30" })
            {
                Assert.Contains(word, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("900101", text, StringComparison.Ordinal);
        }

        var csv = System.Text.Encoding.UTF8.GetString(await admin.GetByteArrayAsync(new Uri("/api/receptions/day?date=2026-12-03&format=csv", UriKind.Relative)));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("Өмірзақова Әсел Ғалымқызы", lines[1], StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"x\"\")", lines[1], StringComparison.Ordinal); // a formula is defused and quoted
        Assert.Contains("\"Остановка; автобус №12\"", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("900101", csv, StringComparison.Ordinal);
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "oa-reception-day.pdf"), pdf);
    }

    [Fact]
    public async Task A_weekly_schedule_plans_six_weeks_of_working_days_and_a_date_with_residents_cannot_be_cancelled()
    {
        using var admin = _app.Client(_hall.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/receptions/schedules", new CreateScheduleRequest("Сейітова Г.", null, DayOfWeek.Wednesday,
            "15:00", "17:00", 20, 1, _hall.DeskOf("personal-reception").Id, new DateOnly(2026, 11, 30)))).OkAsync<ScheduleCreatedDto>();
        // Wednesdays from 2 December for six weeks, less 16 December (Independence Day).
        Assert.Equal([new DateOnly(2026, 12, 2), new(2026, 12, 9), new(2026, 12, 23), new(2026, 12, 30), new(2027, 1, 6)], created.SessionsGenerated);

        var sessions = await admin.GetFromJsonAsync<List<ReceptionSessionDto>>("/api/receptions/sessions?from=2026-12-01&to=2027-01-10");
        Assert.NotNull(sessions);
        Assert.Equal(created.SessionsGenerated, sessions.Select(s => s.Date));

        using var kiosk = _app.Client(_hall.Kiosk);
        await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(sessions[0].Id, "15:00", Residents[0]))).OkAsync<BookingCreatedDto>();
        await (await admin.PostAsync(new Uri($"/api/receptions/sessions/{sessions[0].Id}/cancel", UriKind.Relative), null))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.BookingWrongState);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/receptions/sessions/{sessions[1].Id}/cancel", UriKind.Relative), null)).StatusCode);

        // Generating again adds nothing: the cancelled date stays cancelled.
        await using var scope = _app.Services.CreateAsyncScope();
        var noShows = scope.ServiceProvider.GetRequiredService<OpenAlmaty.FrontOffice.Application.Receptions.RecordReceptionNoShows>();
        Assert.Equal(0, await noShows.HandleAsync(CancellationToken.None));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<OpenAlmaty.FrontOffice.Application.Receptions.GenerateSessions>().HandleAsync(null, CancellationToken.None));
        await (await admin.PostAsJsonAsync("/api/receptions/schedules", new CreateScheduleRequest("Сейітова Г.", null, DayOfWeek.Saturday,
            "15:00", "17:00", 20, 1, null, new DateOnly(2026, 11, 30)))).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
   
        // The resident never came on 2 December: the next day the booking is a no-show, counted by IIN hash.
        // (The hourly housekeeping, woken by the clock jump, may get there first: either way it is recorded once.)
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 4, 0, 0, TimeSpan.Zero));
        await noShows.HandleAsync(CancellationToken.None);
        var hash = scope.ServiceProvider.GetRequiredService<OpenAlmaty.FrontOffice.Application.Receptions.IinHasher>()
            .Hash(OpenAlmaty.FrontOffice.Domain.Receptions.Iin.Parse(Residents[0]));
        Assert.Equal(1, await noShows.CountAsync(hash, CancellationToken.None));
        Assert.Equal(0, await noShows.CountAsync(hash[..^1] + (hash[^1] == '0' ? '1' : '0'), CancellationToken.None));
   

        // Past the retention period the personal data is gone; the anonymous no-show stays for the reports.
        _app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 4, 0, 0, TimeSpan.Zero));
        await scope.ServiceProvider.GetRequiredService<OpenAlmaty.FrontOffice.Application.Privacy.ErasePersonalData>().HandleAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        var erased = await db.Bookings.AsNoTracking().SingleAsync(b => b.SessionId == sessions[0].Id);
        Assert.Equal(("", "", "", "", "NoShow"), (erased.FullName, erased.Phone, erased.IinHash, erased.Text, erased.State.ToString()));
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal(0, await noShows.CountAsync(hash, CancellationToken.None));
    }

    [Fact]
    public async Task Staff_move_one_booking_with_a_reason_and_its_old_place_goes_to_the_first_waiting()
    {
        using var admin = _app.Client(_hall.Admin);
        using var kiosk = _app.Client(_hall.Kiosk);
        async Task<ReceptionSessionDto> SessionAsync(int day) => await (await admin.PostAsJsonAsync("/api/receptions/sessions",
            new CreateSessionRequest("Ахметов А.А.", null, new DateOnly(2026, 12, day), "10:00", "11:00", 20, 1, null))).OkAsync<ReceptionSessionDto>();
        var thursday = await SessionAsync(3);
        var friday = await SessionAsync(4);
        var codes = new List<string>();
        foreach (var (slot, iin) in new[] { ("10:00", Residents[0]), ("10:20", Residents[1]), ("10:40", Residents[2]), ("10:00", Residents[3]) })
        {
            codes.Add((await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(thursday.Id, slot, iin))).OkAsync<BookingCreatedDto>()).Code);
        }

        var move = $"/api/receptions/bookings/{codes[0]}/move";
        await (await admin.PostAsJsonAsync(move, new MoveBookingRequest(friday.Id, "10:20", " "))).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        using (var anonymous = _app.Client(Caller.Anonymous))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(move, new MoveBookingRequest(friday.Id, "10:20", "x"))).StatusCode);
        }

        (await admin.PostAsJsonAsync(move, new MoveBookingRequest(friday.Id, "10:20", "Депутат іссапарда / депутат в командировке"))).EnsureSuccessStatusCode();
        using var phone = _app.Client(Caller.Anonymous);
        var moved = (await phone.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{codes[0]}"))!;
        Assert.Equal((new DateOnly(2026, 12, 4), "10:20", "Active"), (moved.Date, moved.SlotStart, moved.State));
        Assert.Equal(("Offered", "10:00"), ((await phone.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{codes[3]}"))!.State,
            (await phone.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{codes[3]}"))!.SlotStart));
        await (await admin.PostAsJsonAsync($"/api/receptions/bookings/{codes[1]}/move", new MoveBookingRequest(friday.Id, "10:20", "x")))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.SlotTaken);

        var notices = (await admin.GetFromJsonAsync<List<ResidentNoticeDto>>("/api/receptions/notices"))!;
        Assert.Contains(notices, n => n.Code == codes[0] && n.Kind == "moved");
        Assert.Contains(notices, n => n.Code == codes[3] && n.Kind == "place-offered");
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=reception.booking"))!;
        Assert.Contains("командировке", Assert.Single(audit, e => e.Subject == codes[0] && e.Action == "reception.booking.move").Detail, StringComparison.Ordinal);
        Assert.Contains(audit, e => e.Subject == codes[0] && e.Action == "reception.booking.create" && e.Detail!.StartsWith("Ахметов", StringComparison.Ordinal));

        // A staff cancellation keeps the reason given.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/receptions/bookings/{codes[2]}?reason=жителю%20удобнее%20письменно", UriKind.Relative))).StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        Assert.Equal("жителю удобнее письменно", (await db.Bookings.SingleAsync(b => b.Code == codes[2])).CancelReason);
    }

    [Fact]
    public async Task An_admin_edits_the_calendar_and_a_refused_edit_leaves_the_file_as_it_was()
    {
        using var admin = _app.Client(_hall.Admin);
        using var officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "calendar-reader", _hall.DeskOf("personal-reception").Id));
        var saturday = new DateOnly(2026, 12, 5);
        var session = new CreateSessionRequest("Ахметов А.А.", null, saturday, "10:00", "11:00", 20, 1, null);
        await (await admin.PostAsJsonAsync("/api/receptions/sessions", session)).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NotAWorkingDay);

        var calendar = (await officer.GetFromJsonAsync<WorkingCalendarDto>("/api/receptions/calendar"))!;
        Assert.Contains(new DateOnly(2026, 12, 16), calendar.DaysOff); // Independence Day, from the shipped file
        var file = Path.Combine(_app.DataDirectory, "calendar.json");
        var before = await File.ReadAllBytesAsync(file);

        // A weekday cannot be "a working weekend", nor a day both off and working: nothing changes.
        await (await admin.PutAsJsonAsync("/api/receptions/calendar", calendar with { WorkingWeekends = [.. calendar.WorkingWeekends, new DateOnly(2026, 12, 7)] }))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await admin.PutAsJsonAsync("/api/receptions/calendar", calendar with { WorkingWeekends = [.. calendar.WorkingWeekends, new DateOnly(2026, 12, 16)] }))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await officer.PutAsJsonAsync("/api/receptions/calendar", calendar)).ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));

        // A government transfer makes Saturday working and moves the day off to Monday 7 December.
        var edited = await (await admin.PutAsJsonAsync("/api/receptions/calendar", calendar with
        {
            WorkingWeekends = [.. calendar.WorkingWeekends, saturday],
            DaysOff = [.. calendar.DaysOff, new DateOnly(2026, 12, 7)],
        })).OkAsync<WorkingCalendarDto>();
        Assert.Contains(saturday, edited.WorkingWeekends);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/receptions/sessions", session)).StatusCode);
        await (await admin.PostAsJsonAsync("/api/receptions/sessions", session with { Date = new DateOnly(2026, 12, 7) }))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NotAWorkingDay);

        // Written whole to the data directory: a restart reads the same calendar.
        var reread = Application.Receptions.HallCalendar.Parse(await File.ReadAllTextAsync(file));
        Assert.True(reread.IsWorkingDay(saturday));
        Assert.False(reread.IsWorkingDay(new DateOnly(2026, 12, 7)));
        Assert.False(File.Exists(file + ".new"));
    }

    [Fact]
    public async Task A_gateway_channel_gets_each_owed_notice_in_kazakh_and_russian_and_never_one_for_a_booking_that_moved_since()
    {
        var channel = new RecordingChannel();
        await using var app = new FrontOfficeApp();
        await using var withGateway = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<OpenAlmaty.FrontOffice.Application.Receptions.IResidentNoticeChannel>(channel)));
        var cookie = await LoginCookieAsync(withGateway);
        using var staff = withGateway.CreateClient();
        staff.DefaultRequestHeaders.Add("Cookie", cookie);
        var session = await (await staff.PostAsJsonAsync("/api/receptions/sessions",
            new CreateSessionRequest("Ахметов А.А.", null, new DateOnly(2026, 12, 3), "10:00", "11:00", 20, 1, null))).OkAsync<ReceptionSessionDto>();
        var booked = await (await staff.PostAsJsonAsync("/api/receptions/bookings", Request(session.Id, "10:20", Residents[0]))).OkAsync<BookingCreatedDto>();
        // The session moves before anything was delivered: only the "moved" notice goes out.
        await (await staff.PostAsJsonAsync($"/api/receptions/sessions/{session.Id}/reschedule", new RescheduleSessionRequest(new DateOnly(2026, 12, 4), Confirm: true)))
            .OkAsync<ReschedulePlanDto>();

        await using var scope = withGateway.Services.CreateAsyncScope();
        var deliver = scope.ServiceProvider.GetRequiredService<OpenAlmaty.FrontOffice.Application.Receptions.DeliverResidentNotices>();
        await deliver.HandleAsync(CancellationToken.None);
        var message = Assert.Single(channel.Sent);
        Assert.Equal(("moved", "+7 701 123 45 67", booked.Code), (message.Kind, message.Phone, message.Code));
        Assert.Contains("Қабылдау ауыстырылды", message.Text, StringComparison.Ordinal);
        Assert.Contains("Приём перенесён", message.Text, StringComparison.Ordinal);
        Assert.Contains("04.12.2026 10:20", message.Text, StringComparison.Ordinal); // the new date has room: the resident keeps their own time
        Assert.DoesNotContain("900101", message.Text, StringComparison.Ordinal);

        // Delivered notices leave the "to call" list and are not sent twice.
        Assert.Empty((await staff.GetFromJsonAsync<List<ResidentNoticeDto>>("/api/receptions/notices"))!);
        await deliver.HandleAsync(CancellationToken.None);
        Assert.Single(channel.Sent);
    }

    private static async Task<string> LoginCookieAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword));
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oa.staff=", StringComparison.Ordinal)).Split(';')[0];
    }

    private sealed class RecordingChannel : OpenAlmaty.FrontOffice.Application.Receptions.IResidentNoticeChannel
    {
        public List<OpenAlmaty.FrontOffice.Application.Receptions.ResidentMessage> Sent { get; } = [];

        public string Name => "test-sms";

        public Task<bool> SendAsync(OpenAlmaty.FrontOffice.Application.Receptions.ResidentMessage message, CancellationToken ct)
        {
            Sent.Add(message);
            return Task.FromResult(true);
        }
    }
}
