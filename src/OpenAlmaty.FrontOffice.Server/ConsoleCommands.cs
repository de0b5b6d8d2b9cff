using OpenAlmaty.FrontOffice.Application.Staff;

namespace OpenAlmaty.FrontOffice.Server;

/// <summary>
/// What the server's own user can do on the server's console, where no sign-in limit or lock reaches:
/// <c>dotnet OpenAlmaty.FrontOffice.Server.dll reset-password NAME</c> gives the account a new random
/// password (printed here once, never logged), lifts an administrator's lock and asks for a new
/// password at the next sign-in. The way back in when the only admin is locked out or forgot it.
/// </summary>
public static class ConsoleCommands
{
    public const string ResetPassword = "reset-password";

    public static async Task<int> ResetPasswordAsync(WebApplication app, string[] args)
    {
        if (args is not [_, var userName, ..] || userName.StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"usage: {ResetPassword} USER-NAME");
            return 64;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var password = await scope.ServiceProvider.GetRequiredService<RecoverAccount>().HandleAsync(userName, CancellationToken.None);
        if (password is null)
        {
            await Console.Error.WriteLineAsync($"{userName}: мұндай тіркелгі жоқ / такой учётной записи нет / there is no such account");
            return 1;
        }

        Console.WriteLine($"{userName}: құпиясөз жаңартылды, бұғат алынды; келесі кіруде оны ауыстырыңыз / пароль сброшен, блокировка снята; смените его при следующем входе / password reset and unlocked; change it at the next sign-in");
        Console.WriteLine($"Жаңа құпиясөз / Новый пароль / New password: {password}");
        return 0;
    }
}
