using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Printing.Tests;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>An administrator at the admin pages in Chromium, against the real server.</summary>
public sealed class AdminBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task A_staff_page_asks_for_a_login_and_a_wrong_password_says_so_in_the_chosen_language()
    {
        var page = await (await _hall.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(_hall.Url("/lang?code=kk&returnUrl=%2Fadmin%2Fdevices"));
        Assert.Contains("/login?returnUrl=%2Fadmin%2Fdevices", page.Url, StringComparison.Ordinal);
        await page.FillAsync("[data-test=user]", "admin");
        await page.FillAsync("[data-test=password]", "not-the-password");
        await page.ClickAsync("[data-test=sign-in]");
        Assert.Contains("құпиясөз қате", await page.InnerTextAsync("[data-test=login-error]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "staff-login-kk.png") });
    }

    [Fact]
    public async Task The_admin_assigns_a_kiosk_printer_prints_a_test_ticket_and_sees_a_fault_live()
    {
        await using var printer = new FakePrinter();
        var page = await _hall.SignInAsync("admin", ServerProcess.AdminPassword, "/admin/devices");

        await page.WaitForSelectorAsync("[data-page=devices][data-ready=true]");

        // Enrol a kiosk on the page: the enrolment link with its one-time token is shown.
        await page.FillAsync("[data-test=enrol-name]", "Киоск 1, кіреберіс");
        await page.ClickAsync("[data-test=enrol]");
        var link = await page.InnerTextAsync("[data-test=enrol-link]");
        Assert.Contains("/kiosk/enrol?token=", link, StringComparison.Ordinal);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..].Trim();
        await page.ClickAsync("[data-test=device][data-name='Киоск 1, кіреберіс'] a");
        await page.WaitForSelectorAsync("[data-page=kiosk-printer][data-ready=true]");

        // A bad address is refused with a message; a good one is saved.
        await page.FillAsync("[data-test=printer-address]", "printer one:x");
        await page.ClickAsync("[data-test=save-printer]");
        Assert.Contains("Неверные параметры принтера", await page.InnerTextAsync("[data-test=error]"), StringComparison.Ordinal);
        await page.FillAsync("[data-test=printer-address]", $"127.0.0.1:{printer.Port}");
        await page.SelectOptionAsync("[data-test=printer-profile]", "epson-80");
        await page.ClickAsync("[data-test=save-printer]");
        await page.WaitForSelectorAsync("[data-test=saved]");

        await page.ClickAsync("[data-test=test-text]");
        Assert.Equal("printed", await (await page.WaitForSelectorAsync("[data-test=test-result]"))!.GetAttributeAsync("data-status"));
        Assert.True(printer.Printed.AsSpan().IndexOf(PrinterCodePage.Kz1048.Encode("Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі")) >= 0,
            "the text-mode test ticket carries every Kazakh letter in KZ-1048");
        var before = printer.Printed.Length;
        await page.ClickAsync("[data-test=test-raster]");
        await page.WaitForSelectorAsync("[data-test=test-result][data-status=printed]:has-text('raster')");
        Assert.True(printer.Printed.AsSpan(before).IndexOf((byte[])[0x1D, 0x76, 0x30]) >= 0, "the raster test ticket is a GS v 0 image");
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('[data-test=preview]'); return img && img.complete && img.naturalWidth > 500; }");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-kiosk-printer.png"), FullPage = true });

        // Paper runs out: a visitor's ticket at that kiosk finds it, and the open page shows it by itself.
        printer.PaperSensor = FakePrinter.PaperEnd;
        using var kiosk = new HttpClient { BaseAddress = _hall.Server.Address };
        kiosk.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var roster = await kiosk.GetFromJsonAsync<RosterDto>("/api/roster");
        using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new IssueTicketRequest(roster!.Agencies.SelectMany(a => a.Services).First(s => s.Code == "energy").Id, VisitorLanguage.Ru, TicketPriority.None)),
        };
        issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        var ticket = await (await kiosk.SendAsync(issue)).Content.ReadFromJsonAsync<TicketDto>();
        Assert.Equal("paper-out", ticket!.Print.Status);
        await page.WaitForSelectorAsync("[data-test=printer-state]:has-text('Нет бумаги')");
        await page.WaitForSelectorAsync($"[data-test=print-jobs] td:has-text('{ticket.Number}')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-kiosk-printer-paper-out.png") });
    }
}
