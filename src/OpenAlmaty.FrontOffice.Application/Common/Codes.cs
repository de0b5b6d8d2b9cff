using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// The vocabulary's codes (Contracts) to the domain's values: <c>appeal-registered</c> is
/// AppealRegistered. One spelling rule, so a code and its value cannot drift apart.
/// </summary>
public static class Codes
{
    /// <exception cref="InvalidOperationException">A term has no domain value, or a value no term: caught by the first test that starts the app.</exception>
    public static IReadOnlyDictionary<string, TEnum> Map<TEnum>(IReadOnlyList<Term> terms) where TEnum : struct, Enum
    {
        var map = terms.ToDictionary(t => t.Code, t => Enum.TryParse<TEnum>(t.Code.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var v)
            ? v
            : throw new InvalidOperationException($"{typeof(TEnum).Name} has no value for the code '{t.Code}'."));
        var missing = Enum.GetValues<TEnum>().Except(map.Values).ToList();
        return missing.Count == 0 ? map : throw new InvalidOperationException($"No code for {typeof(TEnum).Name} {string.Join(", ", missing)}.");
    }
}
