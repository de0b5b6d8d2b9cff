using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>The shipped default roster (Roster/default-roster.json), versioned.</summary>
public sealed record RosterFile(int Version, IReadOnlyList<RosterFile.AgencyEntry> Agencies, IReadOnlyList<RosterFile.DeskEntry> Desks)
{
    public sealed record Names(string Kk, string Ru, string En);

    public sealed record AgencyEntry(string Code, string Kind, Names Names, IReadOnlyList<string> Topics, IReadOnlyList<ServiceEntry> Services);

    public sealed record ServiceEntry(string Code, string Prefix, Names Names, string Hours);

    public sealed record DeskEntry(string Number, IReadOnlyList<string> Services);

    public static RosterFile LoadDefault()
    {
        using var stream = typeof(RosterFile).Assembly.GetManifestResourceStream("OpenAlmaty.FrontOffice.default-roster.json")
            ?? throw new InvalidOperationException("The default roster is not embedded.");
        return JsonSerializer.Deserialize<RosterFile>(stream, Options)
            ?? throw new InvalidOperationException("The default roster is empty.");
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
