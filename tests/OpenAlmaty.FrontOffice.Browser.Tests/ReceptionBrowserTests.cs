using OpenAlmaty.FrontOffice.Application.Receptions;
using OpenAlmaty.FrontOffice.Server.Tests;

namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>An administrator plans a deputy akim's reception, books residents on the phone and moves the whole session.</summary>
public sealed class ReceptionBrowserTests : IAsyncLifetime
{
    private static readonly string[] Iins = ["900101194588", "900101107309", "900101113750", "900101135897"];
    private BrowserHall _hall = null!;

    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    /// <summary>The next working day at least <paramref name="after"/> days from today, by the shipped calendar.</summary>
    private static DateOnly WorkingDay(int after)
    {
        var calendar = HallCalendar.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..",
            "src", "OpenAlmaty.FrontOffice.Application", "Receptions", "calendar-kz.json")));
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(after);
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    [Fact]
    public async Task Plan_book_by_phone_cancel_promotes_and_reschedule_with_preview_puts_everyone_on_the_call_list()
    {
        var date = WorkingDay(2);
        var toDate = WorkingDay(date.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber + 1);
        var page = await _hall.SignInAsync("admin", ServerProcess.AdminPassword, "/admin/receptions");
        await page.WaitForSelectorAsync("[data-page=receptions][data-ready=true]");

        await page.FillAsync("[data-test=new-deputy]", "Ахметов Әділет Қайратұлы");
        await page.FillAsync("[data-test=new-date]", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("[data-test=new-start]", "10:00");
        await page.FillAsync("[data-test=new-end]", "11:00");
        await page.FillAsync("[data-test=new-slot]", "20");
        await page.FillAsync("[data-test=new-places]", "1");
        await page.ClickAsync("[data-test=create-session]");
        await page.WaitForSelectorAsync("[data-test=session-details]");

        string[] names = ["Өмірзақова Әсел", "Щербакова Юлия", "Нұрланов Ерұлан", "Ким Виктория"];
        string[] slots = ["10:00", "10:20", "10:40", "10:00"];
        for (var i = 0; i < names.Length; i++)
        {
            await page.SelectOptionAsync("[data-test=book-slot]", slots[i]);
            await page.FillAsync("[data-test=book-iin]", Iins[i]);
            await page.FillAsync("[data-test=book-name]", names[i]);
            await page.FillAsync("[data-test=book-phone]", $"+7 701 000 00 0{i}");
            await page.FillAsync("[data-test=book-text]", "Ауладағы жарық жоқ");
            await page.ClickAsync("[data-test=book]");
            await page.WaitForSelectorAsync($"[data-test=booking]:has-text('{names[i]}')");
        }

        Assert.Contains("ожид", await page.InnerTextAsync($"[data-test=booking]:has-text('{names[3]}')"), StringComparison.Ordinal);
        Assert.DoesNotContain("900101", await page.InnerTextAsync("[data-test=bookings]"), StringComparison.Ordinal);

        await page.ClickAsync($"[data-test=booking]:has-text('{names[0]}') [data-test=cancel-booking]");
        await page.WaitForSelectorAsync($"[data-test=booking][data-state=Offered]:has-text('{names[3]}')");

        await page.FillAsync("[data-test=reschedule-date]", toDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-test=reschedule-preview]");
        await page.WaitForSelectorAsync("[data-test=reschedule-plan]");
        Assert.Equal(3, await page.Locator("[data-test=reschedule-plan] tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-receptions-preview.png"), FullPage = true });
        await page.ClickAsync("[data-test=reschedule-confirm]");
        await page.WaitForSelectorAsync("[data-test=done]");
        await page.WaitForSelectorAsync("[data-test=notice][data-kind=moved]");
        Assert.Equal(3, await page.Locator("[data-test=notice][data-kind=moved]").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "admin-receptions.png"), FullPage = true });
    }
}
