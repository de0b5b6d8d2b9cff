using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// A kiosk's printer address is what a printer is: a host on the hall's own networks (private
/// ranges and loopback by default) or a printer device on the server. Anything else — an ordinary
/// file, a disk, a host on the internet, the cloud metadata address — is refused, so that the
/// printer settings cannot write files nor probe other machines' ports.
/// </summary>
public sealed class PrinterAddressTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;
    private Guid _kioskId;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        using var admin = _app.Client(_hall.Admin);
        _kioskId = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Name == "Kiosk 1").Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_address_outside_the_rules_is_refused_with_invalid_printer_and_nothing_is_written()
    {
        // An ordinary file the server can write: the finding appended ESC/POS bytes to one like it.
        var file = Path.Combine(_app.DataDirectory, "not-a-printer.txt");
        await File.WriteAllTextAsync(file, "notes\n");
        string[] refused =
        [
            file, "/etc/passwd", "/dev/sda", "/dev/null", "/dev/usb/lp0/../../../etc/passwd", "/dev/usb/lp", "/dev/usb/lp0x",
            "/dev/ttyUSB", "/dev/tty0", "/proc/self/mem", "8.8.8.8:9100", "8.8.8.8", "1.1.1.1:22",
            "169.254.169.254:80", "[2001:4860:4860::8888]:9100", "0.0.0.0:9100", "printer one:x",
        ];
        using var admin = _app.Client(_hall.Admin, language: "ru-RU");
        foreach (var address in refused)
        {
            var problem = await (await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest(address, "epson-80")))
                .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidPrinter);
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), address);
        }

        var device = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Id == _kioskId);
        Assert.Null(device.PrinterAddress);
        Assert.Equal("notes\n", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Printers_on_the_halls_networks_on_the_servers_ports_and_behind_the_agent_are_accepted()
    {
        string[] accepted =
        [
            "192.168.1.50:9100", "10.0.0.7", "172.16.5.5:9100", "127.0.0.1:9100", "localhost:9100", "[::1]:9100",
            "/dev/usb/lp0", "/dev/usb/lp12", "/dev/ttyUSB0", "/dev/ttyS1", "/dev/ttyACM0", "agent",
        ];
        using var admin = _app.Client(_hall.Admin);
        foreach (var address in accepted)
        {
            var response = await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest(address, "epson-80"));
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{address}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task The_refusal_is_worded_in_kazakh_russian_and_english()
    {
        var titles = new HashSet<string>();
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            using var admin = _app.Client(_hall.Admin, language);
            var problem = await (await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest("/etc/passwd", "epson-80")))
                .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidPrinter);
            titles.Add(problem.GetProperty("title").GetString()!);
        }

        Assert.Equal(3, titles.Count);
    }
}
