using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// Residents' details by need: an officer of another agency reads no names, phones or matters of a
/// deputy akim's reception and moves or cancels none of its bookings; the reception desk's officer
/// and the admin do. Booking codes cannot be tried by the thousand; an impossible IIN is taken only
/// by staff, and audited.
/// </summary>
public sealed class ResidentDetailsTests : IAsyncLifetime
{
    private const string Resident = "Айгүл Серікова";

    private readonly FrontOfficeApp _app = new() { CodeLookupsPerMinute = 5 };
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_officer_of_another_agency_gets_403_on_residents_details_and_the_reception_desks_officer_sees_them()
    {
        var (session, code) = await BookAsync();
        using var stranger = _app.Client(await _app.OfficerAsync(_hall.Admin, "energy-officer", _hall.DeskOf("energy").Id));
        using var receptionist = _app.Client(await _app.OfficerAsync(_hall.Admin, "reception-officer", _hall.DeskOf("personal-reception").Id));

        await (await stranger.GetAsync(new Uri($"/api/receptions/sessions/{session.Id}/bookings", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.NotYourReception);
        Assert.DoesNotContain(Resident, await stranger.GetStringAsync(new Uri("/api/receptions/notices", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(Resident, await stranger.GetStringAsync(new Uri($"/api/receptions/day?date={session.Date:yyyy-MM-dd}&format=csv", UriKind.Relative)), StringComparison.Ordinal);
        await (await stranger.PostAsJsonAsync($"/api/receptions/bookings/{code}/move", new MoveBookingRequest(session.Id, "10:20", "просьба жителя")))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.NotYourReception);
        await (await stranger.DeleteAsync(new Uri($"/api/receptions/bookings/{code}?reason=x", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.NotYourReception);

        var bookings = await (await receptionist.GetAsync(new Uri($"/api/receptions/sessions/{session.Id}/bookings", UriKind.Relative))).OkAsync<List<StaffBookingDto>>();
        Assert.Equal(Resident, bookings.Single().FullName);
        Assert.Contains(Resident, await receptionist.GetStringAsync(new Uri("/api/receptions/notices", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(Resident, await receptionist.GetStringAsync(new Uri($"/api/receptions/day?date={session.Date:yyyy-MM-dd}&format=csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await receptionist.PostAsJsonAsync($"/api/receptions/bookings/{code}/move",
            new MoveBookingRequest(session.Id, "10:20", "просьба жителя"))).StatusCode);

        using var admin = _app.Client(_hall.Admin);
        Assert.Equal(Resident, (await admin.GetFromJsonAsync<List<StaffBookingDto>>($"/api/receptions/sessions/{session.Id}/bookings"))!.Single().FullName);
    }

    [Fact]
    public async Task Booking_codes_looked_up_without_signing_in_are_limited_per_address_and_staff_are_not()
    {
        var (_, code) = await BookAsync();
        using var guesser = _app.Client(Caller.Anonymous);
        guesser.DefaultRequestHeaders.Add(FrontOfficeApp.ClientAddressHeader, "192.168.5.77");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await guesser.GetAsync(new Uri($"/api/receptions/bookings/ZZZZZZ{i:00}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5), answers.Take(5));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
        // The status page by code counts too; the right code from the same address now waits as well.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.GetAsync(new Uri($"/b/{code}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.GetAsync(new Uri($"/api/receptions/bookings/{code}", UriKind.Relative))).StatusCode);

        using var resident = _app.Client(Caller.Anonymous);
        resident.DefaultRequestHeaders.Add(FrontOfficeApp.ClientAddressHeader, "192.168.5.78");
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(new Uri($"/api/receptions/bookings/{code}", UriKind.Relative))).StatusCode);
        using var admin = _app.Client(_hall.Admin);
        admin.DefaultRequestHeaders.Add(FrontOfficeApp.ClientAddressHeader, "192.168.5.77");
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/api/receptions/bookings/{code}", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task An_iin_with_an_impossible_birth_date_is_taken_only_by_staff_with_a_reason_and_audited()
    {
        // Month 13, yet the check digit matches: such numbers exist on real documents.
        const string odd = "851330300122";
        var session = await SessionAsync();
        using var kiosk = _app.Client(_hall.Kiosk);
        using var admin = _app.Client(_hall.Admin);

        await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(session, odd)))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidIin);
        await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(session, odd) with { IinOverrideReason = "документ видел" }))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await admin.PostAsJsonAsync("/api/receptions/bookings", Request(session, odd)))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidIin);
        // The override does not waive the check digit.
        await (await admin.PostAsJsonAsync("/api/receptions/bookings", Request(session, "851330300123") with { IinOverrideReason = "документ видел" }))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidIin);

        var booked = await (await admin.PostAsJsonAsync("/api/receptions/bookings", Request(session, odd) with { IinOverrideReason = "документ видел" }))
            .OkAsync<BookingCreatedDto>();
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=reception.booking.iin-override"))!;
        var entry = Assert.Single(audit, a => a.Action == "reception.booking.iin-override");
        Assert.Equal((booked.Code, "документ видел"), (entry.Subject, entry.Detail));
        Assert.DoesNotContain(odd, string.Join(" ", audit.Select(a => a.Subject + a.Detail)), StringComparison.Ordinal);
    }

    private async Task<ReceptionSessionDto> SessionAsync()
    {
        using var admin = _app.Client(_hall.Admin);
        return await (await admin.PostAsJsonAsync("/api/receptions/sessions",
                new CreateSessionRequest("Ахметов А.А.", null, new DateOnly(2026, 12, 3), "10:00", "11:00", 20, 1, _hall.DeskOf("personal-reception").Id)))
            .OkAsync<ReceptionSessionDto>();
    }

    private static BookReceptionRequest Request(ReceptionSessionDto session, string iin) =>
        new(session.Id, "10:00", iin, Resident, "+7 701 123 45 67", "housing", "Ауладағы жарық");

    private async Task<(ReceptionSessionDto Session, string Code)> BookAsync()
    {
        var session = await SessionAsync();
        using var kiosk = _app.Client(_hall.Kiosk);
        var booked = await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", Request(session, "900101194588"))).OkAsync<BookingCreatedDto>();
        return (session, booked.Code);
    }
}
