using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Circuits;
using OpenAlmaty.FrontOffice.Server.Components.Staff;

namespace OpenAlmaty.FrontOffice.Components.Tests.Staff;

/// <summary>The notice over a staff page whose session ended, and the words each refusal gets.</summary>
public sealed class SessionEndedTests : BunitContext
{
    public SessionEndedTests()
    {
        Services.AddHttpContextAccessor(); // no request here: the staff language is Russian, as without the cookie
        Services.AddScoped<StaffLanguage>();
        Services.AddSingleton<Server.Auth.CallerPowers>();
        Services.AddScoped<CircuitAccess>();
        Services.AddOptions<IdentityOptions>();
    }

    [Fact]
    public async Task Nothing_shows_while_the_session_lasts_then_why_it_ended_and_the_way_back_in()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/desk/7");
        var cut = Render<SessionEnded>();
        Assert.Empty(cut.FindAll("[data-test=session-ended]"));

        // Signed out already (the framework's sign-out reached the circuit first): nobody may act, for the reason kept.
        var access = Services.GetRequiredService<CircuitAccess>();
        Assert.Equal(ProblemTypes.Unauthorized, await access.CheckAsync(new ClaimsPrincipal(new ClaimsIdentity()), Services, CancellationToken.None));

        cut.WaitForAssertion(() => Assert.Equal("Требуется вход", cut.Find("[data-test=session-ended-why]").TextContent));
        Assert.Contains("Кнопки этой страницы больше ничего не делают", cut.Find("[data-test=session-ended]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/login?returnUrl=%2Fdesk%2F7", cut.Find("[data-test=login-again]").GetAttribute("href"));
    }

    [Theory]
    [InlineData(ProblemTypes.AccountLocked, "kk", "Сеанс аяқталды: әкімші тіркелгіңізді бұғаттады")]
    [InlineData(ProblemTypes.AccountLocked, "ru", "Сеанс завершён: администратор заблокировал вашу учётную запись")]
    [InlineData(ProblemTypes.SignInChanged, "kk", "Сеанс аяқталды: тіркелгіңізден шығу жасалды немесе оның құпиясөзі ауыстырылды")]
    [InlineData(ProblemTypes.SignInChanged, "ru", "Сеанс завершён: из вашей учётной записи вышли или сменили её пароль")]
    [InlineData(ProblemTypes.AccountGone, "ru", "Сеанс завершён: ваша учётная запись удалена")]
    [InlineData(ProblemTypes.DeviceNotEnrolled, "kk", "Бұл құрылғы тіркелмеген немесе оның тіркелуі жойылды")]
    [InlineData(ProblemTypes.DeskBusy, "ru", "У окна уже есть посетитель — a visitor is at the desk")]
    public void A_refusal_is_put_in_words_in_one_place(string problemType, string language, string words)
    {
        var detail = problemType == ProblemTypes.DeskBusy ? "a visitor is at the desk" : null;
        Assert.Equal(words, CircuitActions.Message(problemType, detail, language));
    }
}
