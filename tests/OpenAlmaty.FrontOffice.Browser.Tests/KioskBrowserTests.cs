using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>A visitor takes a ticket by touch on the kiosk page, in Debian's Chromium, against the real server.</summary>
public sealed class KioskBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;
    private string _kioskToken = null!;
    private Guid _kioskId;

    public async Task InitializeAsync()
    {
        _hall = await BrowserHall.StartAsync();
        var device = await _hall.EnrolAsync(DeviceKindDto.Kiosk, "Hall kiosk 1");
        (_kioskToken, _kioskId) = (device.Token, device.Id);
    }

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    private async Task<IPage> KioskAsync()
    {
        var context = await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1080, Height = 1920 }, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_hall.Url($"/kiosk/enrol?token={_kioskToken}"));
        await page.WaitForSelectorAsync("[data-test=kiosk][data-ready=true]");
        return page;
    }

    [Theory]
    [InlineData("kk", "Мемлекеттік органдар", "Сіздің нөміріңіз")]
    [InlineData("ru", "Государственные органы", "Ваш номер")]
    public async Task A_visitor_takes_a_ticket_by_touch_and_sees_number_and_qr(string language, string agenciesLabel, string numberLabel)
    {
        var page = await KioskAsync();
        var shots = BrowserHall.Screens();
        await page.TapAsync($"[data-test=lang-{language}]");
        await page.WaitForSelectorAsync($"[data-test=kind-agency]:has-text('{agenciesLabel}')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"kiosk-start-{language}.png") });

        await page.TapAsync("[data-test=topic-energy]"); // the energy agencies: the department is on the first page
        await page.WaitForSelectorAsync("[data-test=service-energy]");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"kiosk-services-{language}.png") });

        await page.TapAsync("[data-test=service-energy]");
        await page.WaitForSelectorAsync("[data-test=priority-none]");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"kiosk-priority-{language}.png") });

        await page.TapAsync("[data-test=priority-none]");
        var number = await page.WaitForSelectorAsync("[data-test=number]");
        var text = await number!.TextContentAsync();
        Assert.Matches("^[A-Z]{1,3}-\\d{3}$", text);
        Assert.Contains(numberLabel, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync("[data-test=qr] svg"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"kiosk-result-{language}.png") });

        // The ticket is real: the hall's snapshot counts it in the energy queue.
        using var admin = await _hall.AdminApiAsync();
        var roster = await admin.GetFromJsonAsync<RosterDto>("/api/roster");
        var energy = roster!.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        var snapshot = await admin.GetFromJsonAsync<SnapshotDto>("/api/snapshot");
        Assert.Equal(1, snapshot!.Queues.Single(q => q.ServiceId == energy.Id).Waiting);
        Assert.StartsWith(energy.TicketPrefix + "-", text, StringComparison.Ordinal);

        // The visitor's phone opens what the QR points to and sees the same number, live.
        var publicId = await page.GetAttributeAsync("[data-test=qr]", "data-public-id");
        var phone = await (await _hall.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true })).NewPageAsync();
        await phone.GotoAsync(_hall.Url($"/t/{publicId}"));
        Assert.Equal(text, await (await phone.WaitForSelectorAsync("[data-test=number]"))!.TextContentAsync());
        Assert.Contains("1", await (await phone.WaitForSelectorAsync("[data-test=position]"))!.TextContentAsync(), StringComparison.Ordinal);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, $"status-phone-{language}.png") });
    }

    [Fact]
    public async Task The_kiosk_says_when_the_server_is_gone_and_recovers_by_itself()
    {
        var page = await KioskAsync();
        Assert.False(await page.IsVisibleAsync("[data-test=offline]"));

        _hall.Server.Kill();
        await page.WaitForSelectorAsync("[data-test=offline]", new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        Assert.Contains("Нет связи с сервером", await page.InnerTextAsync("[data-test=offline]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "kiosk-offline.png") });

        // The server comes back on the same address with the same data; nobody touches the kiosk.
        // The restarted server has forgotten the old circuit, so the page reloads itself.
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Load += (_, _) => reloaded.TrySetResult();
        await _hall.RestartAsync();
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(90));
        await page.WaitForSelectorAsync("[data-test=kiosk][data-ready=true]", new() { Timeout = 60_000 });
        await page.WaitForSelectorAsync("[data-test=offline]", new() { State = WaitForSelectorState.Hidden, Timeout = 60_000 });

        await page.TapAsync("[data-test=topic-energy]"); // the energy agencies: the department is on the first page
        await page.TapAsync("[data-test=service-energy]");
        await page.TapAsync("[data-test=priority-none]");
        Assert.Matches("^[A-Z]{1,3}-\\d{3}$", await (await page.WaitForSelectorAsync("[data-test=number]"))!.TextContentAsync());
    }

    [Fact]
    public async Task With_no_paper_the_kiosk_shows_the_ticket_on_screen_and_nothing_prints_later()
    {
        await using var printer = new OpenAlmaty.FrontOffice.Printing.Tests.FakePrinter { PaperSensor = OpenAlmaty.FrontOffice.Printing.Tests.FakePrinter.PaperEnd };
        using var admin = await _hall.AdminApiAsync();
        (await admin.PutAsJsonAsync($"/api/admin/devices/{_kioskId}/printer", new PrinterSettingsRequest($"127.0.0.1:{printer.Port}", "epson-80")))
            .EnsureSuccessStatusCode();

        var page = await KioskAsync();
        await page.TapAsync("[data-test=topic-energy]"); // the energy agencies: the department is on the first page
        await page.TapAsync("[data-test=service-energy]");
        await page.TapAsync("[data-test=priority-none]");
        var number = await (await page.WaitForSelectorAsync("[data-test=number]"))!.TextContentAsync();
        var warning = await page.InnerTextAsync("[data-test=no-print]");
        Assert.Contains("суретке түсіріңіз", warning, StringComparison.Ordinal);
        Assert.Contains("Сфотографируйте", warning, StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync("[data-test=qr] svg"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "kiosk-result-no-paper.png") });

        var devices = await admin.GetFromJsonAsync<List<DeviceDto>>("/api/admin/devices");
        Assert.Equal("paper-out", devices!.Single(d => d.Id == _kioskId).PrinterFault);
        printer.PaperSensor = OpenAlmaty.FrontOffice.Printing.Tests.FakePrinter.PaperPresent;
        await Task.Delay(1000);
        Assert.Empty(printer.Printed);
        Assert.Matches("^[A-Z]{1,3}-\\d{3}$", number);
    }

    [Fact]
    public async Task The_booking_code_keypad_takes_a_code_by_touch_and_says_plainly_when_it_is_unknown()
    {
        var page = await KioskAsync();
        await page.TapAsync("[data-test=lang-ru]");
        await page.TapAsync("[data-test=booking]");
        foreach (var key in "K7MPQ2XA")
        {
            await page.TapAsync($"[data-test=key-{key}]");
        }

        await page.WaitForSelectorAsync("[data-test=code]:has-text('K7MPQ2XA')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "kiosk-booking-code-ru.png") });
        await page.TapAsync("[data-test=check-in]");
        Assert.Contains("Такого кода записи нет", await (await page.WaitForSelectorAsync("[data-test=message]"))!.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_books_a_personal_reception_at_the_kiosk_and_checks_in_with_the_code()
    {
        // The server runs on the real clock: the session is today in Almaty (UTC+5), a few minutes ahead.
        var local = DateTime.UtcNow.AddHours(5);
        if (local.TimeOfDay > new TimeSpan(23, 50, 0))
        {
            await Task.Delay(local.Date.AddDays(1).AddSeconds(30) - local); // a session cannot run past midnight
            local = DateTime.UtcNow.AddHours(5);
        }

        var today = DateOnly.FromDateTime(local);
        // One five-minute slot at least two whole minutes ahead: the booking takes seconds, and the day has room for it.
        var start = TimeOnly.FromDateTime(local).Add(TimeSpan.FromMinutes(3));
        start = new TimeOnly(start.Hour, start.Minute);
        var (from, to) = (start.ToString("HH:mm", CultureInfo.InvariantCulture), start.AddMinutes(5).ToString("HH:mm", CultureInfo.InvariantCulture));

        // An admin makes today a working day on the calendar page, whatever day the test runs on.
        var admin = await _hall.SignInAsync("admin", OpenAlmaty.FrontOffice.Server.Tests.ServerProcess.AdminPassword, "/admin/calendar");
        await admin.WaitForSelectorAsync("[data-page=calendar][data-ready=true]");
        var iso = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            await admin.FillAsync("[data-test=calendar-day]", iso);
            await admin.SelectOptionAsync("[data-test=calendar-kind]", "working");
            await admin.ClickAsync("[data-test=calendar-add]");
            await admin.WaitForSelectorAsync($"[data-test=calendar-working] [data-date='{iso}']");
        }
        else if (await admin.QuerySelectorAsync($"[data-test=calendar-off] [data-date='{iso}']") is not null)
        {
            await admin.ClickAsync($"[data-test=calendar-off] [data-date='{iso}'] [data-test=calendar-remove]");
            await admin.WaitForSelectorAsync($"[data-test=calendar-off] [data-date='{iso}']", new() { State = WaitForSelectorState.Detached });
        }

        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-calendar.png"), FullPage = true });

        using var api = await _hall.AdminApiAsync();
        var roster = (await api.GetFromJsonAsync<RosterDto>("/api/roster"))!;
        var receptionService = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "personal-reception");
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(receptionService.Id));
        var created = await api.PostAsJsonAsync("/api/receptions/sessions", new CreateSessionRequest("Сәрсенова Айгүл Қанатқызы", null, today, from, to, 5, 1, desk.Id));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var session = (await created.Content.ReadFromJsonAsync<ReceptionSessionDto>())!;

        var page = await KioskAsync();
        var shots = BrowserHall.Screens();
        await page.TapAsync("[data-test=reception]");
        await page.WaitForSelectorAsync($"[data-test=session-{session.Id}]");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "kiosk-reception-sessions-kk.png") });
        await page.TapAsync($"[data-test=session-{session.Id}]");
        await page.TapAsync($"[data-test=slot-{start.ToString("HHmm", CultureInfo.InvariantCulture)}]");

        async Task Type(string text)
        {
            foreach (var key in text)
            {
                await page.TapAsync(key == ' ' ? "[data-test=key-space]" : $"[data-test='key-{char.ToUpperInvariant(key)}']");
            }
        }

        await Type("900101113750");
        await page.TapAsync("[data-test=next]:not([disabled])");
        await Type("әлия нұрова");
        await page.WaitForSelectorAsync("[data-test=name-value]:has-text('Әлия Нұрова')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "kiosk-reception-name-kk.png") });
        await page.TapAsync("[data-test=next]");
        await Type("7011234567");
        await page.TapAsync("[data-test=next]:not([disabled])");
        await page.TapAsync("[data-test=matter-topic-housing]");
        await Type("шатыр ағып тұр");
        await page.TapAsync("[data-test=next]:not([disabled])");
        var summary = await (await page.WaitForSelectorAsync("[data-test=summary]"))!.InnerTextAsync();
        Assert.Contains("Шатыр ағып тұр", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("900101113750", await page.ContentAsync(), StringComparison.Ordinal);
        await page.TapAsync("[data-test=book]");

        var code = await (await page.WaitForSelectorAsync("[data-test=booked-code]"))!.InnerTextAsync();
        Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", code);
        Assert.NotNull(await page.QuerySelectorAsync("[data-test=qr] svg"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "kiosk-reception-booked-kk.png") });
        var booking = (await api.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{code}"))!;
        Assert.Equal(("Active", from), (booking.State, booking.SlotStart));

        // On the day: "I have a booking", the code by touch, and the reception ticket.
        await page.TapAsync("[data-test=done]");
        await page.TapAsync("[data-test=booking]");
        await Type(code);
        await page.TapAsync("[data-test=check-in]");
        var number = await (await page.WaitForSelectorAsync("[data-test=number]"))!.InnerTextAsync();
        Assert.StartsWith(receptionService.TicketPrefix + "-", number, StringComparison.Ordinal);
        Assert.Equal("CheckedIn", (await api.GetFromJsonAsync<PublicBookingDto>($"/api/receptions/bookings/{code}"))!.State);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "kiosk-reception-checked-in-kk.png") });
    }
}
