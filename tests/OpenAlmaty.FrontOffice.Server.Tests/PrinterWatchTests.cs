using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing.Tests;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// Printers watched, not discovered: the server asks the kiosk's network printer (a fake one that
/// speaks ESC/POS on a loopback socket) how it is between jobs, so paper-out shows on the dashboard
/// before any visitor's ticket fails, and clears when paper is back.
/// </summary>
public sealed class PrinterWatchTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new() { PrinterPollSeconds = 1 };
    private readonly FakePrinter _printer = new();
    private Scenario _hall = null!;
    private Guid _kioskId;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        using var admin = _app.Client(_hall.Admin);
        _kioskId = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Name == "Kiosk 1").Id;
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest($"127.0.0.1:{_printer.Port}", "epson-80"))).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _printer.DisposeAsync();
    }

    [Fact]
    public async Task Paper_out_is_found_by_the_watch_before_any_ticket_shown_on_the_dashboard_and_cleared_when_paper_returns()
    {
        using var admin = _app.Client(_hall.Admin);
        _printer.PaperSensor = FakePrinter.PaperEnd;

        Assert.True(await EventuallyAsync(async () => (await FaultAsync(admin)) == "paper-out"), "the watch did not find paper-out");
        var dashboard = (await admin.GetFromJsonAsync<HallDashboardDto>("/api/admin/dashboard"))!;
        Assert.Equal("paper-out", dashboard.DeviceFaults.Single(f => f.DeviceId == _kioskId).Fault);
        Assert.Empty(_printer.Printed); // nothing was printed to find it

        _printer.PaperSensor = FakePrinter.PaperPresent;
        Assert.True(await EventuallyAsync(async () => (await FaultAsync(admin)) is null), "the fault stayed after paper returned");
        Assert.DoesNotContain((await admin.GetFromJsonAsync<HallDashboardDto>("/api/admin/dashboard"))!.DeviceFaults, f => f.DeviceId == _kioskId);

        // Each change is recorded, by the server itself.
        var changes = (await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=device.printer-status"))!;
        Assert.Equal(["paper-out", "ready"], changes.OrderBy(c => c.Id).Select(c => c.Detail));
    }

    [Fact]
    public async Task A_printer_that_stops_answering_is_shown_unreachable_without_a_ticket()
    {
        using var admin = _app.Client(_hall.Admin);
        _printer.Silent = true;
        Assert.True(await EventuallyAsync(async () => (await FaultAsync(admin)) == "no-answer"), "a silent printer went unnoticed");
        _printer.Silent = false;
        Assert.True(await EventuallyAsync(async () => (await FaultAsync(admin)) is null), "the printer answering again was not noticed");
    }

    private async Task<string?> FaultAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Id == _kioskId).PrinterFault;

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> done)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (await done())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
