namespace OpenAlmaty.FrontOffice.Domain.Receptions;

public enum IinProblem
{
    None,
    WrongLength,
    NotDigits,
    BadCheckDigit,

    /// <summary>The first six digits (YYMMDD) are no date: month 13, the 30th of February, 000000.</summary>
    BadBirthDate,

    /// <summary>The seventh digit is not 1–6 (century of birth and sex).</summary>
    BadCenturyDigit,
}

/// <summary>
/// The Kazakh individual identification number: 12 digits. Digits 1–6 are the birth date (YYMMDD),
/// digit 7 the century of birth with the sex (1–2: 1800s, 3–4: 1900s, 5–6: 2000s), the last a check
/// digit by the standard mod-11 rule: digits 1–11 weighted 1..11; when that sum mod 11 is 10,
/// weighted again 3,4,5,6,7,8,9,10,11,1,2; a second 10 means no number can end those 11 digits. A
/// number whose check digit matches but whose date cannot be (000000000000) is refused too. The IIN
/// is personal data: keep only what <see cref="LastFour"/> gives and a keyed hash of it.
/// </summary>
public readonly record struct Iin
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private Iin(string digits) => Digits = digits;

    public string Digits { get; }

    public string LastFour => Digits[^4..];

    /// <summary>Never the number itself: a record that prints an IIN must not exist.</summary>
    public override string ToString() => "IIN ********" + LastFour;

    public static IinProblem Check(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length != 12)
        {
            return value.All(char.IsAsciiDigit) ? IinProblem.WrongLength : IinProblem.NotDigits;
        }

        if (!value.All(char.IsAsciiDigit))
        {
            return IinProblem.NotDigits;
        }

        if (value[6] is < '1' or > '6')
        {
            return IinProblem.BadCenturyDigit;
        }

        var century = 1800 + ((value[6] - '1') / 2 * 100);
        var year = century + ((value[0] - '0') * 10) + (value[1] - '0');
        var month = ((value[2] - '0') * 10) + (value[3] - '0');
        var day = ((value[4] - '0') * 10) + (value[5] - '0');
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return IinProblem.BadBirthDate;
        }

        return CheckDigit(value) is { } digit && digit == value[11] - '0' ? IinProblem.None : IinProblem.BadCheckDigit;
    }

    public static Iin Parse(string? text) => Check(text) switch
    {
        IinProblem.None => new Iin(text!.Trim()),
        IinProblem.WrongLength => throw new DomainRuleException(DomainRule.InvalidIin, "An IIN has 12 digits."),
        IinProblem.NotDigits => throw new DomainRuleException(DomainRule.InvalidIin, "An IIN is made of digits only."),
        IinProblem.BadBirthDate => throw new DomainRuleException(DomainRule.InvalidIin, "The IIN's first six digits are no birth date (YYMMDD)."),
        IinProblem.BadCenturyDigit => throw new DomainRuleException(DomainRule.InvalidIin, "The IIN's seventh digit is 1 to 6 (century of birth and sex)."),
        _ => throw new DomainRuleException(DomainRule.InvalidIin, "The IIN's check digit does not match; please check the number."),
    };

    /// <summary>
    /// A number staff have seen on the resident's document although its date or century digit look
    /// impossible (such numbers were issued): everything else is still checked, the check digit too.
    /// The caller audits the override.
    /// </summary>
    public static Iin ParseOverridingBirthDate(string? text) => Check(text) switch
    {
        IinProblem.BadBirthDate or IinProblem.BadCenturyDigit when CheckDigit(text!.Trim()) is { } digit && digit == text.Trim()[11] - '0'
            => new Iin(text.Trim()),
        _ => Parse(text),
    };

    /// <summary>The check digit for the first 11 digits, or null when none exists.</summary>
    public static int? CheckDigit(string digits)
    {
        var sum = Weighted(digits, FirstWeights) % 11;
        if (sum == 10)
        {
            sum = Weighted(digits, SecondWeights) % 11;
        }

        return sum == 10 ? null : sum;
    }

    private static int Weighted(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum;
    }
}
