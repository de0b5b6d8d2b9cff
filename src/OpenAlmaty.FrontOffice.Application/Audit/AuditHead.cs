using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Application.Audit;

/// <summary>The newest entry's number and hash, kept in a file beside the database.</summary>
public sealed class AuditHead(IOptions<FrontOfficeOptions> options)
{
    private readonly Lock _writing = new();

    private string FilePath => Path.Combine(options.Value.DataDirectory, "audit-head");

    public void Advance(long id, string hash)
    {
        lock (_writing)
        {
            if (Read() is { } known && known.Id >= id)
            {
                return;
            }

            var temporary = FilePath + ".new";
            File.WriteAllText(temporary, $"{id} {hash}");
            File.Move(temporary, FilePath, overwrite: true);
        }
    }

    public (long Id, string Hash)? Read()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        var parts = File.ReadAllText(FilePath).Split(' ', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && long.TryParse(parts[0], out var id) ? (id, parts[1]) : null;
    }
}
