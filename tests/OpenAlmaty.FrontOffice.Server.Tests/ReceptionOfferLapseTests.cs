using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Receptions;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// A freed place offered to the first on the waiting list, who never confirms: on the fake clock
/// (Monday 30 November 2026, 10:00) the offer runs until Tuesday 10:00; an hour after that the
/// place is the second's, whether staff, the kiosk or a resident read the session first or the
/// hourly housekeeping gets there.
/// </summary>
public sealed class ReceptionOfferLapseTests
{
    private static readonly string[] Residents = ["900101194588", "900101107309", "900101113750", "900101135897", "900101171403"];
    private const string Phone = "+7 701 123 45 67";
    private static readonly TimeSpan PastTheWindow = ReceptionBook.OfferWindow + TimeSpan.FromHours(1);

    /// <summary>Thursday 3 December, three places, all booked; two residents wait; the 10:00 resident cancels, so the first waiting is offered 10:00.</summary>
    private static async Task<(ReceptionSessionDto Session, string First, string Second)> OfferedAsync(FrontOfficeApp app, Scenario hall)
    {
        using var admin = app.Client(hall.Admin);
        using var kiosk = app.Client(hall.Kiosk);
        var session = await (await admin.PostAsJsonAsync("/api/receptions/sessions",
            new CreateSessionRequest("Ахметов А.А.", null, new DateOnly(2026, 12, 3), "10:00", "11:00", 20, 1, hall.DeskOf("personal-reception").Id)))
            .OkAsync<ReceptionSessionDto>();
        var codes = new List<string>();
        foreach (var (slot, iin, name) in new[]
        {
            ("10:00", Residents[0], "Айгүл Серікова"), ("10:20", Residents[1], "Бауыржан Әлиев"), ("10:40", Residents[2], "Гүлнар Омарова"),
            ("10:00", Residents[3], "Дәулет Нұрланов"), ("10:00", Residents[4], "Ерлан Жақсыбеков"),
        })
        {
            codes.Add((await (await kiosk.PostAsJsonAsync("/api/receptions/bookings",
                new BookReceptionRequest(session.Id, slot, iin, name, Phone, "housing", "Ауладағы жарық"))).OkAsync<BookingCreatedDto>()).Code);
        }

        using var resident = app.Client(Caller.Anonymous);
        Assert.Equal(HttpStatusCode.NoContent, (await resident.DeleteAsync(new Uri($"/api/receptions/bookings/{codes[0]}?phoneLastFour=4567", UriKind.Relative))).StatusCode);
        return (session, codes[3], codes[4]);
    }

    [Fact]
    public async Task An_offer_not_confirmed_in_time_passes_to_the_next_waiting_when_the_session_is_read_and_the_to_call_list_follows()
    {
        await using var app = new FrontOfficeApp { RunsHousekeeping = false };
        var hall = await Scenario.StartAsync(app);
        var (session, first, second) = await OfferedAsync(app, hall);
        var sessions = $"/api/receptions/sessions?from={session.Date:yyyy-MM-dd}&to={session.Date:yyyy-MM-dd}";
        List<ResidentNoticeDto> toCall;
        using (var monday = app.Client(hall.Admin))
        {
            Assert.Equal(1, (await monday.GetFromJsonAsync<List<ReceptionSessionDto>>(sessions))!.Single().WaitingList);
            toCall = (await monday.GetFromJsonAsync<List<ResidentNoticeDto>>("/api/receptions/notices"))!;
            Assert.Equal(("place-offered", "waiting-list"), (toCall.Single(n => n.Code == first).Kind, toCall.Single(n => n.Code == second).Kind));
        }

        // A day and an hour pass without a word from the first. Nothing runs on its own here, so nothing has changed yet.
        app.Clock.Advance(PastTheWindow);
        using var admin = app.Client(await app.AdminAsync()); // Monday's sign-in has expired by now
        Assert.Equal(BookingState.Offered, await StateAsync(app, first));
        var changedBefore = await ReceptionChangedAsync(app, session.Id);

        // Staff read the sessions list: the first's offer has lapsed and the second holds 10:00, offered for a fresh day.
        var read = (await admin.GetFromJsonAsync<List<ReceptionSessionDto>>(sessions))!.Single();
        Assert.Equal((0, 0), (read.WaitingList, read.Slots.Single(s => s.Start == "10:00").Free));
        var bookings = (await admin.GetFromJsonAsync<List<StaffBookingDto>>($"/api/receptions/sessions/{session.Id}/bookings"))!;
        Assert.Equal(("Cancelled", (string?)null), (bookings.Single(b => b.Code == first).State, bookings.Single(b => b.Code == first).SlotStart));
        Assert.Equal(("Offered", (string?)"10:00"), (bookings.Single(b => b.Code == second).State, bookings.Single(b => b.Code == second).SlotStart));
        using var resident = app.Client(Caller.Anonymous);
        var offer = (await resident.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{second}"))!;
        Assert.Equal(("Offered", "10:00", app.Clock.GetUtcNow() + ReceptionBook.OfferWindow), (offer.State, offer.SlotStart, offer.OfferExpiresAt));

        // Staff are to call the second now, and no longer the first.
        toCall = (await admin.GetFromJsonAsync<List<ResidentNoticeDto>>("/api/receptions/notices"))!;
        var call = Assert.Single(toCall, n => n.Code == second);
        Assert.Equal(("place-offered", "Offered", (string?)"10:00"), (call.Kind, call.State, call.SlotStart));
        Assert.DoesNotContain(toCall, n => n.Code == first);

        // Audited by the system, with the codes and no personal data; the staff screens were told.
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryDto>>($"/api/admin/audit?action={PassOnLapsedOffers.AuditAction}"))!;
        var entry = Assert.Single(audit);
        Assert.Equal((PassOnLapsedOffers.AuditAction, first, "system"), (entry.Action, entry.Subject, entry.Actor));
        Assert.Contains($"offered to {second}", entry.Detail, StringComparison.Ordinal);
        foreach (var personal in new[] { "Дәулет", "Ерлан", Phone, Residents[3], Residents[4] })
        {
            Assert.DoesNotContain(personal, entry.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(changedBefore + 1, await ReceptionChangedAsync(app, session.Id));

        // The first can no longer take the place; the second can. Reading again passes nothing on a second time.
        await (await resident.PostAsync(new Uri($"/api/receptions/bookings/{first}/confirm", UriKind.Relative), null))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.BookingWrongState);
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsync(new Uri($"/api/receptions/bookings/{second}/confirm", UriKind.Relative), null)).StatusCode);
        await admin.GetFromJsonAsync<List<ReceptionSessionDto>>(sessions);
        Assert.Single((await admin.GetFromJsonAsync<List<AuditEntryDto>>($"/api/admin/audit?action={PassOnLapsedOffers.AuditAction}"))!);
        Assert.Equal(BookingState.Active, await StateAsync(app, second));
    }

    /// <summary>Every way a session is read passes a lapsed offer on before answering, not only the staff list.</summary>
    [Theory]
    [InlineData("a session's bookings for staff")]
    [InlineData("the kiosk's bookable sessions")]
    [InlineData("the second's status page")]
    [InlineData("the second's calendar file")]
    [InlineData("the day's list")]
    [InlineData("the to-call list")]
    public async Task Each_read_of_the_session_passes_the_lapsed_offer_on(string read)
    {
        await using var app = new FrontOfficeApp { RunsHousekeeping = false };
        var hall = await Scenario.StartAsync(app);
        var (session, first, second) = await OfferedAsync(app, hall);
        app.Clock.Advance(PastTheWindow);
        using var admin = app.Client(await app.AdminAsync()); // Monday's sign-in has expired by now
        using var resident = app.Client(Caller.Anonymous);

        switch (read)
        {
            case "a session's bookings for staff":
                var bookings = (await admin.GetFromJsonAsync<List<StaffBookingDto>>($"/api/receptions/sessions/{session.Id}/bookings"))!;
                Assert.Equal("Offered", bookings.Single(b => b.Code == second).State);
                break;
            case "the kiosk's bookable sessions":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var bookable = await scope.ServiceProvider.GetRequiredService<ListSessions>().BookableAsync(CancellationToken.None);
                    Assert.Equal(0, bookable.Single(s => s.Id == session.Id).WaitingList);
                }

                break;
            case "the second's status page":
                Assert.Equal("Offered", (await resident.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{second}"))!.State);
                break;
            case "the second's calendar file":
                // Still waiting, the second would have no time to put in a calendar.
                var ics = await resident.GetAsync(new Uri($"/api/receptions/bookings/{second}/calendar.ics", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
                break;
            case "the day's list":
                var csv = System.Text.Encoding.UTF8.GetString(await admin.GetByteArrayAsync(new Uri($"/api/receptions/day?date={session.Date:yyyy-MM-dd}&format=csv", UriKind.Relative)));
                Assert.Contains("Ерлан Жақсыбеков", csv, StringComparison.Ordinal);
                Assert.DoesNotContain("Дәулет Нұрланов", csv, StringComparison.Ordinal);
                break;
            case "the to-call list":
                var toCall = (await admin.GetFromJsonAsync<List<ResidentNoticeDto>>("/api/receptions/notices"))!;
                Assert.Equal("place-offered", Assert.Single(toCall, n => n.Code == second).Kind);
                Assert.DoesNotContain(toCall, n => n.Code == first);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(read), read, "no such read");
        }

        Assert.Equal((BookingState.Cancelled, BookingState.Offered), (await StateAsync(app, first), await StateAsync(app, second)));
    }

    [Fact]
    public async Task The_hourly_housekeeping_passes_a_lapsed_offer_on_without_anyone_reading_the_session()
    {
        await using var app = new FrontOfficeApp();
        var hall = await Scenario.StartAsync(app);
        var (session, first, second) = await OfferedAsync(app, hall);
        var changedBefore = await ReceptionChangedAsync(app, session.Id);

        // The jump wakes the hourly timer (it runs on the same fake clock); nobody reads anything until the lapse is seen in the database.
        app.Clock.Advance(PastTheWindow);
        await EventuallyAsync(async () => await StateAsync(app, first) == BookingState.Cancelled, "the housekeeping lapses the first's offer");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        var next = await db.Bookings.AsNoTracking().SingleAsync(b => b.Code == second);
        Assert.Equal((BookingState.Offered, (TimeOnly?)new TimeOnly(10, 0)), (next.State, next.SlotStart));
        var owed = await db.ResidentNotices.AsNoTracking().Where(n => n.BookingId == next.Id && n.DoneAt == null && !n.Stale).ToListAsync();
        var notice = Assert.Single(owed);
        Assert.Equal(("place-offered", next.Version), (notice.Kind, notice.BookingVersion));
        var lapsed = await db.Bookings.AsNoTracking().SingleAsync(b => b.Code == first);
        Assert.Equal("offer-expired", lapsed.CancelReason);
        Assert.False(await db.ResidentNotices.AnyAsync(n => n.BookingId == lapsed.Id && n.DoneAt == null && !n.Stale));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == PassOnLapsedOffers.AuditAction);
        Assert.Equal((first, "system"), (entry.Subject, entry.Actor));
        Assert.Equal(changedBefore + 1, await ReceptionChangedAsync(app, session.Id));
    }

    private static async Task<BookingState> StateAsync(FrontOfficeApp app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FrontOfficeDb>().Bookings.AsNoTracking()
            .Where(b => b.Code == code).Select(b => b.State).SingleAsync();
    }

    private static async Task<int> ReceptionChangedAsync(FrontOfficeApp app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = sessionId.ToString();
        return await scope.ServiceProvider.GetRequiredService<FrontOfficeDb>().OutboxEvents.AsNoTracking()
            .CountAsync(e => e.Type == nameof(IFrontOfficeClient.ReceptionChanged) && e.Payload.Contains(id));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Not within 10 s: {what}");
    }
}
