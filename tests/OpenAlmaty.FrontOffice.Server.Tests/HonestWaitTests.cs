using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// A wait counts only desks someone serves: open, with an officer signed in at them. Without one
/// the visitor is told so (and when the service opens), not a number; a booked visitor waits for
/// the slot.
/// </summary>
public sealed class HonestWaitTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<ServiceQueueDto> QueueAsync(int serviceId)
    {
        using var display = _app.Client(_hall.Display);
        var snapshot = (await display.GetFromJsonAsync<SnapshotDto>("/api/snapshot"))!;
        return snapshot.Queues.Single(q => q.ServiceId == serviceId);
    }

    [Fact]
    public async Task An_unstaffed_agency_promises_no_number_until_an_officer_opens_a_desk_and_none_after_the_officer_is_locked()
    {
        var energy = _hall.Service("energy");
        var desk = _hall.DeskOf("energy");
        using var kiosk = _app.Client(_hall.Kiosk);
        using var phone = _app.Client(Caller.Anonymous);

        // A fresh install: the desk is open in the roster, but nobody sits at it.
        var unstaffed = await kiosk.IssuedAsync(energy.Id);
        Assert.Equal(WaitBases.NoDeskOpen, unstaffed.EstimatedWait.Basis);
        Assert.Equal(WaitBases.NoDeskOpen, (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{unstaffed.PublicId}"))!.EstimatedWait.Basis);
        var queue = await QueueAsync(energy.Id);
        Assert.Equal((0, WaitBases.NoDeskOpen), (queue.OpenDesks, queue.EstimatedWait.Basis));
        Assert.Null(queue.EstimatedWait.OpensAt); // within its hours: nobody is at a window, that is all

        var officer = await _app.OfficerAsync(_hall.Admin, "asel", desk.Id);
        using var officerClient = _app.Client(officer);
        Assert.Equal(HttpStatusCode.OK, (await officerClient.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null)).StatusCode);
        var staffed = await kiosk.IssuedAsync(energy.Id);
        Assert.Equal(WaitBases.Estimate, staffed.EstimatedWait.Basis);
        Assert.True(staffed.EstimatedWait.ToMinutes > 0);
        Assert.Equal(1, (await QueueAsync(energy.Id)).OpenDesks);
        // The first ticket, issued while nobody served, now also has a real estimate on the phone.
        Assert.Equal(WaitBases.Estimate, (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{unstaffed.PublicId}"))!.EstimatedWait.Basis);

        // The admin locks the officer: the desk no longer serves.
        using var admin = _app.Client(_hall.Admin);
        var account = (await admin.GetFromJsonAsync<List<StaffAccountDto>>("/api/admin/staff"))!.Single(a => a.UserName == "asel");
        Assert.True((await admin.PostAsJsonAsync($"/api/admin/staff/{account.Id}/lock", new LockAccountRequest(true))).IsSuccessStatusCode);
        Assert.Equal((0, WaitBases.NoDeskOpen), ((await QueueAsync(energy.Id)).OpenDesks, (await QueueAsync(energy.Id)).EstimatedWait.Basis));
    }

    [Fact]
    public async Task A_closed_agency_says_when_it_opens_instead_of_a_forecast()
    {
        var energy = _hall.Service("energy");
        // Saturday 5 December 2026, 12:00 in Almaty: Mon–Fri hours.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 7, 0, 0, TimeSpan.Zero));
        using var kiosk = _app.Client(_hall.Kiosk);
        await (await kiosk.IssueAsync(energy.Id)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.ServiceClosed);

        var queue = await QueueAsync(energy.Id);
        Assert.Equal(WaitBases.NoDeskOpen, queue.EstimatedWait.Basis);
        // Monday 09:00 Almaty = 04:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero), queue.EstimatedWait.OpensAt);
    }

    [Fact]
    public async Task A_booked_visitor_who_checks_in_early_is_told_the_slot_not_the_walk_in_queue()
    {
        using var admin = _app.Client(_hall.Admin);
        using var kiosk = _app.Client(_hall.Kiosk);
        var desk = _hall.DeskOf("personal-reception");
        var session = await (await admin.PostAsJsonAsync("/api/receptions/sessions",
            new CreateSessionRequest("Ахметов А.А.", null, new DateOnly(2026, 11, 30), "10:30", "11:00", 30, 1, desk.Id))).OkAsync<ReceptionSessionDto>();
        var booking = await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", new BookReceptionRequest(session.Id, "10:30",
            "900101194588", "Айгүл Серікова", "+7 701 123 45 67", "housing", "Жарық"))).OkAsync<BookingCreatedDto>();

        // Walk-ins wait at the reception service, and its desk serves.
        var officer = await _app.OfficerAsync(_hall.Admin, "bolat", desk.Id);
        using var officerClient = _app.Client(officer);
        Assert.Equal(HttpStatusCode.OK, (await officerClient.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null)).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            await kiosk.IssuedAsync(_hall.Service("personal-reception").Id);
        }

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 5, 20, 0, TimeSpan.Zero)); // 10:20, ten minutes early
        var ticket = await (await kiosk.PostAsJsonAsync("/api/receptions/check-in", new CheckInRequest(booking.Code))).OkAsync<TicketDto>();
        Assert.Equal(new WaitRangeDto(10, 10, WaitBases.Slot), ticket.EstimatedWait);
        using var phone = _app.Client(Caller.Anonymous);
        Assert.Equal(new WaitRangeDto(10, 10, WaitBases.Slot), (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}"))!.EstimatedWait);
    }
}
