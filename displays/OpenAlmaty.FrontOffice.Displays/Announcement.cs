using System.Globalization;

namespace OpenAlmaty.FrontOffice.Displays;

/// <summary>
/// Turns a call into the clips of the phrase pack, Kazakh first then Russian:
/// "Талон А-015, жетінші терезеге" / "Талон А-015, окно семь". Numbers are read as numbers
/// (015 is "fifteen"), ticket prefixes letter by letter.
/// </summary>
public static class Announcement
{
    public const string Chime = "/phrases/chime.wav";

    /// <summary>The clip addresses of one call: chime, then the voice in each language unless only the chime is wanted.</summary>
    public static IReadOnlyList<string> Clips(string ticketNumber, string deskNumber, bool voice)
    {
        var clips = new List<string> { Chime };
        if (voice)
        {
            clips.AddRange(Words("kk", ticketNumber, deskNumber).Select(w => $"/phrases/kk/{w}.wav"));
            clips.AddRange(Words("ru", ticketNumber, deskNumber).Select(w => $"/phrases/ru/{w}.wav"));
        }

        return clips;
    }

    /// <summary>The clip names of one language, e.g. kk: talon, letter-a, n-10, n-5, o-7, window.</summary>
    public static IReadOnlyList<string> Words(string language, string ticketNumber, string deskNumber)
    {
        var words = new List<string> { "talon" };
        var dash = ticketNumber.IndexOf('-', StringComparison.Ordinal);
        var prefix = dash < 0 ? "" : ticketNumber[..dash];
        var digits = dash < 0 ? ticketNumber : ticketNumber[(dash + 1)..];
        words.AddRange(prefix.Where(char.IsAsciiLetter).Select(c => "letter-" + char.ToLowerInvariant(c)));
        words.AddRange(Spoken(digits, ordinal: false));

        if (language == "kk")
        {
            // "7-терезе" is read "жетінші терезеге": the last word of the number takes the ordinal.
            words.AddRange(Spoken(deskNumber, ordinal: true));
            words.Add("window");
        }
        else
        {
            words.Add("window");
            words.AddRange(Spoken(deskNumber, ordinal: false));
        }

        return words;
    }

    /// <summary>1–999 as clips: hundreds, then 1–19 whole or tens and ones. Anything else letter by letter.</summary>
    private static IEnumerable<string> Spoken(string text, bool ordinal)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 999)
        {
            return text.Where(char.IsAsciiLetterOrDigit).Select(c => char.IsAsciiLetter(c) ? "letter-" + char.ToLowerInvariant(c) : $"n-{c}");
        }

        var parts = new List<int>();
        if (n >= 100)
        {
            parts.Add(n / 100 * 100);
        }

        var rest = n % 100;
        if (ordinal && rest is > 10 and < 20)
        {
            // Kazakh teens are "он" + the ordinal of the ones: он жетінші.
            parts.Add(10);
            parts.Add(rest - 10);
        }
        else if (rest is > 0 and < 20)
        {
            parts.Add(rest);
        }
        else if (rest > 0)
        {
            parts.Add(rest / 10 * 10);
            if (rest % 10 > 0)
            {
                parts.Add(rest % 10);
            }
        }

        // Ordinal clips exist for 1–10 and the tens; an ordinal hundred ("жүзінші") is read as a cardinal.
        return parts.Select((p, i) => ordinal && i == parts.Count - 1 && p < 100 ? $"o-{p}" : $"n-{p}");
    }
}
