using Microsoft.AspNetCore.Identity;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Staff;

/// <summary>
/// What a staff password may not be, beyond length and character kinds (Identity's own rules): one
/// of the common passwords shipped in <c>common-passwords.txt</c> — also with digits or signs around
/// it, since "Password12" and "Qwerty1234!" are tried first — nor the user name or one containing it.
/// Checked wherever a password is set: a new officer, an admin's reset, the owner's change.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<StaffUser>
{
    public const string TooCommon = "PasswordTooCommon";
    public const string HasUserName = "PasswordContainsUserName";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var text = (password ?? "").Trim().ToLowerInvariant();
        var name = (user.UserName ?? "").Trim().ToLowerInvariant();
        if (name.Length > 0 && (text == name || (name.Length >= 4 && text.Contains(name, StringComparison.Ordinal))))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = HasUserName, Description = "The password must not be or contain the user name." }));
        }

        return Task.FromResult(IsCommon(text)
            ? IdentityResult.Failed(new IdentityError { Code = TooCommon, Description = "This is one of the most common passwords (perhaps with digits or signs added); choose another." })
            : IdentityResult.Success);
    }

    /// <summary>The password (lower case) is on the list, or is a word of the list with only digits and signs around it.</summary>
    public static bool IsCommon(string lower)
    {
        if (Common.Value.Contains(lower))
        {
            return true;
        }

        var core = lower.AsSpan().Trim(NotLetters(lower)).ToString();
        return core.Length >= 4 && Common.Value.Contains(core);
    }

    private static string NotLetters(string text) => new([.. text.Distinct().Where(c => !char.IsLetter(c))]);

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("OpenAlmaty.FrontOffice.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    }
}
