namespace OpenAlmaty.FrontOffice.Browser.Tests;

/// <summary>The admin dashboard says why /health is Unhealthy, in the admin's language.</summary>
public sealed class StorageFaultBrowserTests : IAsyncLifetime
{
    private BrowserHall _hall = null!;

    // More free space than any machine has: the real free space is below it, so the disk counts as nearly full.
    public async Task InitializeAsync() => _hall = await BrowserHall.StartAsync(
        new Dictionary<string, string> { ["FrontOffice__Storage__MinFreeMegabytes"] = "100000000000" }, healthy: false);

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task The_dashboard_says_in_russian_and_kazakh_that_the_disk_is_nearly_full()
    {
        var page = await _hall.SignInAsync("admin", Server.Tests.ServerProcess.AdminPassword, "/admin/dashboard", "ru");
        await page.WaitForSelectorAsync("[data-page=dashboard][data-ready=true]");
        var fault = await page.WaitForSelectorAsync("[data-test=storage-fault][data-code=disk-nearly-full]");
        Assert.Contains("На диске с данными свободно всего", await fault!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Unhealthy", await page.InnerTextAsync("[data-test=storage-faults]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHall.Screens(), "dashboard-storage-fault-ru.png") });

        await page.GotoAsync(_hall.Url("/lang?code=kk&returnUrl=" + Uri.EscapeDataString("/admin/dashboard")));
        await page.WaitForSelectorAsync("[data-page=dashboard][data-ready=true]");
        Assert.Contains("Деректер дискісінде", await page.InnerTextAsync("[data-test=storage-fault][data-code=disk-nearly-full]"), StringComparison.Ordinal);
    }
}
