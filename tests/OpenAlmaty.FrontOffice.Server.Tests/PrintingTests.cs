using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Printing.Tests;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>Issuing prints on the kiosk's network printer — a fake one on a loopback socket.</summary>
public sealed class PrintingTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private readonly FakePrinter _printer = new();
    private Scenario _hall = null!;
    private Guid _kioskId;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        using var admin = _app.Client(_hall.Admin);
        var devices = await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices");
        _kioskId = devices!.Single(d => d.Name == "Kiosk 1").Id;
        var set = await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest($"127.0.0.1:{_printer.Port}", "epson-80"));
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _printer.DisposeAsync();
    }

    [Fact]
    public async Task An_issued_ticket_comes_out_of_the_kiosk_printer_in_kazakh_and_russian()
    {
        var energy = _hall.Service("energy");
        using var kiosk = _app.Client(_hall.Kiosk);
        var ticket = await kiosk.IssuedAsync(energy.Id);
        Assert.Equal("printed", ticket.Print.Status);
        await WaitForAsync(() => Contains(_printer.Printed, PrinterCodePage.Kz1048.Encode("Энергетика және сумен жабдықтау басқармасы")));
        Assert.True(Contains(_printer.Printed, System.Text.Encoding.ASCII.GetBytes(ticket.Number)));
        Assert.True(Contains(_printer.Printed, System.Text.Encoding.ASCII.GetBytes("/t/" + ticket.PublicId)), "the QR opens the public status page");
        Assert.True(Contains(_printer.Printed, [0x1D, 0x56, 0x42]), "the ticket is cut");
    }

    [Fact]
    public async Task Paper_out_still_gives_the_ticket_records_the_fault_and_prints_nothing_later()
    {
        var energy = _hall.Service("energy");
        using var kiosk = _app.Client(_hall.Kiosk);
        using var admin = _app.Client(_hall.Admin);
        await WaitForAsync(() => false, 1); // let earlier jobs settle
        var before = _printer.Printed.Length;
        _printer.PaperSensor = FakePrinter.PaperEnd;

        var ticket = await (await kiosk.IssueAsync(energy.Id, key: "tap-with-no-paper")).OkAsync<TicketDto>();
        Assert.Equal("paper-out", ticket.Print.Status);
        using var phone = _app.Client(Caller.Anonymous);
        Assert.Equal("Waiting", (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}"))!.State);
        var device = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Id == _kioskId);
        Assert.Equal("paper-out", device.PrinterFault);

        // Paper is loaded: nothing comes out by itself.
        _printer.PaperSensor = FakePrinter.PaperPresent;
        await Task.Delay(300);
        Assert.Equal(before, _printer.Printed.Length);

        // A repeated tap with the same key does not print either; staff reprint on request.
        var again = await (await kiosk.IssueAsync(energy.Id, key: "tap-with-no-paper")).OkAsync<TicketDto>();
        Assert.Equal((ticket.Id, "paper-out"), (again.Id, again.Print.Status));
        await Task.Delay(200);
        Assert.Equal(before, _printer.Printed.Length);
        var reprint = await (await admin.PostAsync(new Uri($"/api/tickets/{ticket.Id}/reprint", UriKind.Relative), null)).OkAsync<PrintResultDto>();
        Assert.Equal("printed", reprint.Status);
        await WaitForAsync(() => Contains(_printer.Printed[before..], System.Text.Encoding.ASCII.GetBytes(ticket.Number)));
        device = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Id == _kioskId);
        Assert.Null(device.PrinterFault);
    }

    [Fact]
    public async Task Test_print_and_preview_for_the_admin()
    {
        using var admin = _app.Client(_hall.Admin);
        var text = await (await admin.PostAsync(new Uri($"/api/admin/devices/{_kioskId}/printer/test", UriKind.Relative), null)).OkAsync<PrintResultDto>();
        Assert.Equal(("printed", "text"), (text.Status, text.Mode));
        await WaitForAsync(() => Contains(_printer.Printed, PrinterCodePage.Kz1048.Encode("Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі")));
        var raster = await (await admin.PostAsync(new Uri($"/api/admin/devices/{_kioskId}/printer/test?raster=true", UriKind.Relative), null)).OkAsync<PrintResultDto>();
        Assert.Equal(("printed", "raster"), (raster.Status, raster.Mode));

        var png = await admin.GetAsync(new Uri("/api/admin/printing/preview.png?profile=generic-80", UriKind.Relative));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task Staff_can_download_the_ticket_as_a_pdf()
    {
        using var kiosk = _app.Client(_hall.Kiosk);
        var ticket = await kiosk.IssuedAsync(_hall.Service("water").Id);
        using var admin = _app.Client(_hall.Admin);
        var response = await admin.GetAsync(new Uri($"/api/tickets/{ticket.Id}/ticket.pdf?paper=roll80", UriKind.Relative));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToList();
        Assert.Contains(ticket.Number, words);
        Assert.Contains("«Алматы", words);
    }

    [Fact]
    public async Task A_booking_at_the_kiosk_prints_a_slip_with_the_code_and_no_personal_data_and_check_in_prints_the_ticket()
    {
        using var admin = _app.Client(_hall.Admin);
        using var kiosk = _app.Client(_hall.Kiosk);
        var today = new DateOnly(2026, 11, 30); // the fake clock's Monday, 10:00 in Almaty
        var session = await (await admin.PostAsJsonAsync("/api/receptions/sessions", new CreateSessionRequest(
            "Сәрсенова Айгүл", null, today, "11:00", "12:00", 20, 1, _hall.DeskOf("personal-reception").Id))).OkAsync<ReceptionSessionDto>();
        var before = _printer.Printed.Length;

        var booked = await (await kiosk.PostAsJsonAsync("/api/receptions/bookings", new BookReceptionRequest(
            session.Id, "11:20", "900101113750", "Нұрланов Ерұлан", "+7 701 555 44 33", "housing", "Шатыр ағып тұр"))).OkAsync<BookingCreatedDto>();
        Assert.Equal("printed", booked.PrintStatus);
        await WaitForAsync(() => Contains(_printer.Printed[before..], System.Text.Encoding.ASCII.GetBytes("/b/" + booked.Code)));
        var slip = _printer.Printed[before..];
        Assert.True(Contains(slip, System.Text.Encoding.ASCII.GetBytes(booked.Code)), "the code is printed big");
        Assert.True(Contains(slip, PrinterCodePage.Kz1048.Encode("Жеке қабылдауға жазылу коды")));
        Assert.True(Contains(slip, PrinterCodePage.Kz1048.Encode("Сәрсенова Айгүл")), "the deputy akim's name");
        Assert.True(Contains(slip, PrinterCodePage.Kz1048.Encode("30.11.2026 11:20")));
        Assert.False(Contains(slip, System.Text.Encoding.ASCII.GetBytes("3750")), "no part of the IIN");
        Assert.False(Contains(slip, PrinterCodePage.Kz1048.Encode("Нұрланов")), "no name");
        Assert.False(Contains(slip, System.Text.Encoding.ASCII.GetBytes("555")), "no phone");

        // Staff booking on the phone prints nothing at the kiosk.
        var printedSoFar = _printer.Printed.Length;
        var byPhone = await (await admin.PostAsJsonAsync("/api/receptions/bookings", new BookReceptionRequest(
            session.Id, "11:40", "900101194588", "Ким Виктория", "+7 701 000 00 01", "energy", "Жарық жоқ"))).OkAsync<BookingCreatedDto>();
        Assert.Equal("none", byPhone.PrintStatus);

        var ticket = await (await kiosk.PostAsJsonAsync("/api/receptions/check-in", new CheckInRequest(booked.Code))).OkAsync<TicketDto>();
        Assert.Equal("printed", ticket.Print.Status);
        await WaitForAsync(() => Contains(_printer.Printed[printedSoFar..], System.Text.Encoding.ASCII.GetBytes(ticket.Number)));
        Assert.True(Contains(_printer.Printed[printedSoFar..], System.Text.Encoding.ASCII.GetBytes(ticket.Number)), "the reception ticket comes out on check-in");
    }

    [Fact]
    public async Task Bad_printer_settings_are_refused()
    {
        using var admin = _app.Client(_hall.Admin);
        await (await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest("printer one:x", "epson-80")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidPrinter);
        await (await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest("127.0.0.1:9100", "brother-ql")))
            .ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.InvalidPrinter);
        var device = (await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices"))!.Single(d => d.Id == _kioskId);
        Assert.Equal($"127.0.0.1:{_printer.Port}", device.PrinterAddress);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;

    private static async Task WaitForAsync(Func<bool> done, int tries = 200)
    {
        for (var i = 0; i < tries && !done(); i++)
        {
            await Task.Delay(10);
        }
    }
}
