using System.Globalization;

namespace OpenAlmaty.FrontOffice.Displays;

/// <summary>
/// Turns a call into the clips of the phrase pack, Kazakh first then Russian:
/// "Талон А-015, жетінші терезеге" / "Талон А-015, окно семь". Numbers are read as numbers
/// (015 is "fifteen"), ticket prefixes letter by letter. Each call comes in three forms, so that
/// the player (<c>announce.js</c>) keeps up when several calls wait: the whole sentence, the
/// sentence without "Талон", and the ticket number alone (the screen shows the window).
/// </summary>
public static class Announcement
{
    public const string Chime = "/phrases/chime.wav";

    /// <summary>The test call's clips: "Тексеру…" / "Проверка…", said whole in every form.</summary>
    public static readonly IReadOnlyList<string> TestWords = ["/phrases/kk/test.wav", "/phrases/ru/test.wav"];

    /// <summary>
    /// What the player may say for one call. <see cref="Chime"/> is null when the display is silent;
    /// the word lists are empty when it only chimes.
    /// </summary>
    public sealed record Speech(string? Chime, IReadOnlyList<string> Full, IReadOnlyList<string> Brief, IReadOnlyList<string> Numbers);

    /// <summary>The forms of one call for a display whose sound is <c>voice</c>, <c>chime</c> or <c>off</c>.</summary>
    public static Speech For(string ticketNumber, string deskNumber, string sound) => sound switch
    {
        "voice" => new Speech(Chime,
            Clips(language => Words(language, ticketNumber, deskNumber)),
            Clips(language => Words(language, ticketNumber, deskNumber).Skip(1)),
            Clips(language => Ticket(ticketNumber))),
        "chime" => new Speech(Chime, [], [], []),
        _ => new Speech(null, [], [], []),
    };

    /// <summary>The test call (nobody's ticket) with the display's own sound setting.</summary>
    public static Speech ForTest(string sound) => sound switch
    {
        "voice" => new Speech(Chime, TestWords, TestWords, TestWords),
        "chime" => new Speech(Chime, [], [], []),
        _ => new Speech(null, [], [], []),
    };

    private static List<string> Clips(Func<string, IEnumerable<string>> words) =>
        [.. words("kk").Select(w => $"/phrases/kk/{w}.wav"), .. words("ru").Select(w => $"/phrases/ru/{w}.wav")];

    /// <summary>The ticket's number as said in either language: the prefix letter by letter, then the number.</summary>
    private static IEnumerable<string> Ticket(string ticketNumber)
    {
        var dash = ticketNumber.IndexOf('-', StringComparison.Ordinal);
        var prefix = dash < 0 ? "" : ticketNumber[..dash];
        var digits = dash < 0 ? ticketNumber : ticketNumber[(dash + 1)..];
        return prefix.Where(char.IsAsciiLetter).Select(c => "letter-" + char.ToLowerInvariant(c)).Concat(Spoken(digits, ordinal: false));
    }

    /// <summary>The clip names of one language, e.g. kk: talon, letter-a, n-10, n-5, o-7, window.</summary>
    public static IReadOnlyList<string> Words(string language, string ticketNumber, string deskNumber)
    {
        var words = new List<string> { "talon" };
        words.AddRange(Ticket(ticketNumber));

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
