using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Displays;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>A display's test call is one hall event for that display and nothing else: no ticket, no call, no queue change.</summary>
public sealed class TestDisplayTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_test_call_writes_one_event_naming_the_display_and_nothing_to_the_queue()
    {
        var admin = await _app.AdminAsync();
        var display = await EnrolledIdAsync(admin, DeviceKindDto.Display, "hall");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        var (tickets, calls, events) = (await db.Tickets.CountAsync(), await db.TicketCalls.CountAsync(), await db.OutboxEvents.MaxAsync(e => (long?)e.Seq) ?? 0);

        await scope.ServiceProvider.GetRequiredService<TestDisplay>().HandleAsync(display, CancellationToken.None);

        var written = await db.OutboxEvents.AsNoTracking().Where(e => e.Seq > events).ToListAsync();
        var test = Assert.IsType<DisplayTestCalledEvent>(Outbox.Decode(Assert.Single(written)));
        Assert.Equal(display, test.DeviceId);
        Assert.Equal(FrontOfficeApp.MondayMorning, test.At);
        Assert.Equal(tickets, await db.Tickets.CountAsync());
        Assert.Equal(calls, await db.TicketCalls.CountAsync());
    }

    [Fact]
    public async Task A_kiosk_or_an_unknown_device_cannot_be_tested_as_a_display()
    {
        var admin = await _app.AdminAsync();
        var kiosk = await EnrolledIdAsync(admin, DeviceKindDto.Kiosk, "Kiosk 1");
        await using var scope = _app.Services.CreateAsyncScope();
        var test = scope.ServiceProvider.GetRequiredService<TestDisplay>();
        foreach (var id in new[] { kiosk, Guid.NewGuid() })
        {
            var refused = await Assert.ThrowsAsync<ProblemException>(() => test.HandleAsync(id, CancellationToken.None));
            Assert.Equal(ProblemTypes.UnknownDevice, refused.Type);
        }
    }

    private async Task<Guid> EnrolledIdAsync(Caller admin, DeviceKindDto kind, string name)
    {
        using var client = _app.Client(admin);
        var response = await client.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(kind, name));
        return (await response.OkAsync<EnrolledDeviceDto>()).Id;
    }
}
