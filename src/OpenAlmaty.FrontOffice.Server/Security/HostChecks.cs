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
