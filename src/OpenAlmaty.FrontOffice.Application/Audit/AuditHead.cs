using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Application.Audit;

/// <summary>
/// The newest entry's number and hash, kept in a file beside the database. It is written after the
/// commit, so a file that cannot be written (a read-only data directory, a full disk) does not undo or
/// deny a change that is already durable: the fault shows in <c>/health</c> instead, and the head
/// catches up with the next entry written once the file can be written again.
/// </summary>
public sealed class AuditHead(IOptions<FrontOfficeOptions> options, StorageFaults faults)
{
    public const string FileName = "audit-head";

    private readonly Lock _writing = new();

    private string FilePath => Path.Combine(options.Value.DataDirectory, FileName);

    public void Advance(long id, string hash)
    {
        lock (_writing)
        {
            if (Read() is { } known && known.Id >= id)
            {
                return;
            }

            var temporary = FilePath + ".new";
            try
            {
                File.WriteAllText(temporary, $"{id} {hash}");
                File.Move(temporary, FilePath, overwrite: true);
                faults.FileWritten(FileName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                faults.FileFailed(FileName, e);
            }
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
