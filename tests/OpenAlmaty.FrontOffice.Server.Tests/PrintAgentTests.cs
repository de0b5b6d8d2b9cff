using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.PrintAgent;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Printing.Tests;
using OpenAlmaty.FrontOffice.Printing.Transports;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// A kiosk whose printer hangs off the kiosk PC: the real print agent, connected over the real
/// hub with the kiosk's token, prints on a fake printer (loopback TCP or a device file).
/// </summary>
public sealed class PrintAgentTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;
    private Guid _kioskId;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        using var admin = _app.Client(_hall.Admin);
        _kioskId = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Name == "Kiosk 1").Id;
        var set = await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest("agent", "epson-80"));
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_agent_prints_the_kiosk_tickets_reports_paper_out_between_jobs_and_is_missed_when_it_goes()
    {
        await using var printer = new FakePrinter();
        using var kiosk = _app.Client(_hall.Kiosk);
        var energy = _hall.Service("energy").Id;

        // No agent yet: the ticket is valid, shown on screen; the fault is what staff see.
        var early = await kiosk.IssuedAsync(energy);
        Assert.Equal("unreachable", early.Print.Status);

        using var stop = new CancellationTokenSource();
        var agent = new KioskPrintAgent(_app.Hub(_hall.Kiosk), new TcpPrinterTransport("127.0.0.1", printer.Port),
            TimeSpan.FromMilliseconds(100), NullLogger.Instance);
        var running = agent.RunAsync(stop.Token);
        await EventuallyAsync(async () => agent.Registered && await FaultAsync() is null, "the agent's registration clears the fault");

        var ticket = await kiosk.IssuedAsync(energy);
        Assert.Equal("printed", ticket.Print.Status);
        Assert.True(Contains(printer.Printed, System.Text.Encoding.ASCII.GetBytes(ticket.Number)));
        Assert.False(Contains(printer.Printed, System.Text.Encoding.ASCII.GetBytes(early.Number)), "a job that failed is not replayed");
        Assert.Equal(1, agent.Printed);

        // Paper runs out between visitors: staff see it before anybody taps.
        printer.PaperSensor = FakePrinter.PaperEnd;
        await EventuallyAsync(async () => await FaultAsync() == "paper-out", "the agent reports paper-out by itself");
        var before = printer.Printed.Length;
        var noPaper = await kiosk.IssuedAsync(energy);
        Assert.Equal("paper-out", noPaper.Print.Status);
        Assert.Equal(before, printer.Printed.Length);

        // The agent stops (PC switched off): the kiosk's printer is marked as away.
        await stop.CancelAsync();
        await running;
        await agent.DisposeAsync();
        await EventuallyAsync(async () => await FaultAsync() == "agent-offline", "staff see the agent is gone");
        Assert.Equal("unreachable", (await kiosk.IssuedAsync(energy)).Print.Status);
    }

    [Fact]
    public async Task A_usb_printer_behind_a_device_file_gets_the_ticket_bytes()
    {
        var device = Path.Combine(_app.DataDirectory, "lp0");
        await File.WriteAllBytesAsync(device, []);
        using var stop = new CancellationTokenSource();
        await using var agent = new KioskPrintAgent(_app.Hub(_hall.Kiosk), PrinterAddress.Resolve(device).Open(),
            TimeSpan.FromSeconds(30), NullLogger.Instance);
        var running = agent.RunAsync(stop.Token);
        await EventuallyAsync(async () => agent.Registered && await FaultAsync() is null, "the agent registers"); // no fault is also what a kiosk without its agent yet shows

        using var kiosk = _app.Client(_hall.Kiosk);
        var ticket = await kiosk.IssuedAsync(_hall.Service("water").Id);
        Assert.Equal("printed", ticket.Print.Status);
        var bytes = await File.ReadAllBytesAsync(device);
        Assert.Equal([0x1B, 0x40], bytes[..2]);
        Assert.True(Contains(bytes, System.Text.Encoding.ASCII.GetBytes(ticket.Number)));
        Assert.True(Contains(bytes, [0x1D, 0x56, 0x42]), "the ticket is cut");

        // The admin's test print goes the same way.
        using var admin = _app.Client(_hall.Admin);
        var test = await (await admin.PostAsync(new Uri($"/api/admin/devices/{_kioskId}/printer/test", UriKind.Relative), null)).OkAsync<PrintResultDto>();
        Assert.Equal("printed", test.Status);
        Assert.True(Contains(await File.ReadAllBytesAsync(device), PrinterCodePage.Kz1048.Encode("Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі")));
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_display_cannot_pose_as_a_print_agent_nor_report_a_made_up_status()
    {
        await using var display = _app.Hub(_hall.Display);
        await display.StartAsync();
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => display.InvokeAsync(nameof(IFrontOfficeHub.RegisterPrintAgent)));

        await using var kiosk = _app.Hub(_hall.Kiosk);
        await kiosk.StartAsync();
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => kiosk.InvokeAsync(nameof(IFrontOfficeHub.ReportPrinterStatus), "on-fire"));
        Assert.Contains(ProblemTypes.InvalidPrinter, refused.Message, StringComparison.Ordinal);
    }

    private async Task<string?> FaultAsync()
    {
        using var admin = _app.Client(_hall.Admin);
        return (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Id == _kioskId).PrinterFault;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static async Task EventuallyAsync(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Not within 5 s: {what}");
    }
}
