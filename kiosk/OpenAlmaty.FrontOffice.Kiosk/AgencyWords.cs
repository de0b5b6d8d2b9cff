using System.Text;
using System.Text.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk;

/// <summary>
/// What visitors call the agencies (agency-words.json, by agency code) and the pictogram each gets:
/// the one place the kiosk's search and its icons come from, beside the roster's own names.
/// </summary>
public static class AgencyWords
{
    private sealed record Entry(string? Icon, string[] Words);

    private sealed record WordsFile(Dictionary<string, Entry> Agencies);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, Entry> Entries = Load();

    private static Dictionary<string, Entry> Load()
    {
        using var stream = typeof(AgencyWords).Assembly.GetManifestResourceStream("agency-words.json")
            ?? throw new InvalidOperationException("agency-words.json is not embedded in the kiosk library.");
        var file = JsonSerializer.Deserialize<WordsFile>(stream, Json)
            ?? throw new InvalidOperationException("agency-words.json is empty.");
        return file.Agencies;
    }

    /// <summary>The abbreviations and everyday words for an agency (none for a code the file does not know).</summary>
    public static IReadOnlyList<string> For(string agencyCode) => Entries.TryGetValue(agencyCode, out var e) ? e.Words : [];

    /// <summary>
    /// The agency's pictogram under wwwroot/icons/: the file's own for the code, else its first
    /// topic's, else its kind's; so an agency an admin adds tomorrow still gets one.
    /// </summary>
    public static string Icon(AgencyDto agency) =>
        Entries.TryGetValue(agency.Code, out var e) && e.Icon is { } icon ? icon
        : agency.Kind == AgencyKindDto.Agency && agency.Topics.FirstOrDefault(t => t != VisitTopics.Other) is { } topic ? TopicIcon(topic)
        : KindIcon(agency.Kind);

    public static string TopicIcon(string topic) => "topic-" + topic;

    public static string KindIcon(AgencyKindDto kind) => "kind-" + kind.ToString().ToLowerInvariant();

    /// <summary>The address of a pictogram, served by the server from this library: no request leaves the building.</summary>
    public static string IconUrl(string icon) => $"_content/OpenAlmaty.FrontOffice.Kiosk/icons/{icon}.svg";

    /// <summary>
    /// Whether an agency answers what a visitor typed: every typed word begins a word of its names
    /// (kk, ru, en) or of what visitors call it, or is one of those abbreviations. Case and the
    /// Kazakh letters do not matter (ХҚКО = ХККО = хкко), so a Russian keyboard habit finds a Kazakh name.
    /// </summary>
    public static bool Matches(AgencyDto agency, string typed)
    {
        var query = Words(typed);
        if (query.Count == 0)
        {
            return true;
        }

        var names = new[] { agency.NameKk, agency.NameRu, agency.NameEn }
            .Concat(agency.Services.SelectMany(s => new[] { s.NameKk, s.NameRu, s.NameEn }))
            .Concat(For(agency.Code));
        var known = names.SelectMany(Words).Concat(names.Select(n => Fold(n).Replace(" ", "", StringComparison.Ordinal))).ToList();
        return query.All(q => known.Any(k => k.StartsWith(q, StringComparison.Ordinal)));
    }

    /// <summary>Lower case, Kazakh letters as their nearest Russian ones, ё as е, Latin as typed; anything else a space.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            folded.Append(c switch
            {
                'ә' => 'а',
                'ғ' => 'г',
                'қ' => 'к',
                'ң' => 'н',
                'ө' => 'о',
                'ұ' or 'ү' => 'у',
                'һ' => 'х',
                'і' => 'и',
                'ё' => 'е',
                _ when char.IsLetterOrDigit(c) => c,
                _ => ' ',
            });
        }

        return folded.ToString();
    }

    private static List<string> Words(string text) => [.. Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
