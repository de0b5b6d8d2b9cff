using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Security;

/// <summary>How the server sits on its machine: as its own user, with files nobody else reads.</summary>
public static partial class HostChecks
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// The one line to print when the server is started as root without <c>FrontOffice__AllowRoot=true</c>,
    /// or null. As root a wrong printer path or file name would reach the whole machine; run it as its
    /// own user (docs/security.md).
    /// </summary>
    public static string? RefusesToRunAsRoot(IConfiguration configuration)
    {
        var allowed = bool.TryParse(configuration[$"{FrontOfficeOptions.Section}:{nameof(FrontOfficeOptions.AllowRoot)}"], out var allow) && allow;
        return Environment.IsPrivilegedProcess && !allowed
            ? "OpenAlmaty.FrontOffice: refusing to run as root; run it as its own user (see docs/security.md), or set FrontOffice__AllowRoot=true to allow it."
            : null;
    }

    /// <summary>
    /// The one line to print when the data directory cannot be written (read-only, immutable, on a full
    /// or read-only file system, owned by someone else), or null. Found by writing and syncing a small
    /// file there and opening the database's files for writing, before anything else runs: otherwise the
    /// first start fails deep in SQLite with a stack trace, and a later one answers errors to every write.
    /// </summary>
    public static string? RefusesUnwritableDataDirectory(IConfiguration configuration)
    {
        var options = configuration.GetSection(FrontOfficeOptions.Section).Get<FrontOfficeOptions>() ?? new FrontOfficeOptions();
        var directory = Path.GetFullPath(options.DataDirectory);
        try
        {
            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, OwnerOnlyDirectory);
                }
            }

            var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}");
            using (var file = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                file.WriteByte(0);
                file.Flush(flushToDisk: true);
            }

            var database = Path.Combine(directory, PersistenceSetup.DatabaseFileName);
            foreach (var existing in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
            {
                using var _ = new FileStream(existing, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"OpenAlmaty.FrontOffice: the data directory {directory} cannot be written ({e.Message.ReplaceLineEndings(" ")}); "
                + "make it writable by the server's user (see docs/security.md) or point FrontOffice__DataDirectory elsewhere.";
        }
    }

    /// <summary>
    /// The one line to print when creating or opening the database at start failed for storage reasons
    /// that the check before could not foresee (the disk full, the database file unreadable), or null
    /// for any other failure, which keeps its stack trace.
    /// </summary>
    public static string? DatabaseRefused(WebApplication app, Exception error) =>
        StorageFaults.Cause(error) is not null || error is IOException or UnauthorizedAccessException
            ? $"OpenAlmaty.FrontOffice: the database in {app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FrontOfficeOptions>>().Value.DataDirectory} "
                + $"cannot be opened or written ({(StorageFaults.Cause(error) ?? error).Message.ReplaceLineEndings(" ")})."
            : null;

    /// <summary>
    /// Creates the data directory readable by the server's user only (0700) and the database file 0600
    /// before SQLite opens it (its -wal and -shm files take the database file's mode). Files of an
    /// earlier version are tightened; a directory that others may read is said in the log, not changed
    /// (an operator may have given a backup group access on purpose).
    /// </summary>
    public static void PrepareDataDirectory(string directory, ILogger log)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
        else if ((File.GetUnixFileMode(directory) & GroupOrOthers) != 0)
        {
            Log.DataDirectoryOpen(log, directory, Convert.ToString((int)File.GetUnixFileMode(directory), 8));
        }

        var database = Path.Combine(directory, PersistenceSetup.DatabaseFileName);
        if (!File.Exists(database))
        {
            using var created = new FileStream(database, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
        }

        foreach (var file in new[] { database, database + "-wal", database + "-shm", database + "-journal" }.Where(File.Exists))
        {
            try
            {
                if ((File.GetUnixFileMode(file) & GroupOrOthers) != 0)
                {
                    File.SetUnixFileMode(file, OwnerOnlyFile);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.FileOpen(log, file, e.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The data directory {Directory} is open to other users (mode {Mode}); chmod 700 it unless that is meant")]
        public static partial void DataDirectoryOpen(ILogger logger, string directory, string mode);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make {File} readable by the server's user only: {Reason}")]
        public static partial void FileOpen(ILogger logger, string file, string reason);
    }
}
