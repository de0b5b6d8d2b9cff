using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>The <c>FrontOffice:Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = FrontOfficeOptions.Section + ":Storage";

    /// <summary>
    /// Below this much free space on the data directory's disk <c>/health</c> is Unhealthy: SQLite
    /// needs room for its log and a checkpoint before a write fails, and an operator needs time.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, long.MaxValue)]
    public long MinFreeMegabytes { get; set; } = 200;

    /// <summary>Tests only: caps the database at this many pages, so that a test meets a real "database or disk is full".</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int? MaxPages { get; set; }
}

/// <summary>One thing wrong with the storage now, with its words for the dashboard and its line for <c>/health</c>.</summary>
/// <param name="Code"><c>write-failed</c>, <c>file-not-written</c>, <c>database-file-deleted</c> or <c>disk-nearly-full</c>.</param>
public sealed record StorageFault(string Code, Words Words, string Detail, DateTime Since);

/// <summary>
/// What the server knows of its storage: a write that failed (until a later one succeeds), a file
/// beside the database that could not be written (until it is), a database file deleted under the
/// running server, and too little free space. <c>/health</c> and the admin dashboard read it; a
/// fault is logged once when it begins and once when it ends, with the storage's own error and never
/// the data that was being written.
/// </summary>
public sealed partial class StorageFaults(IOptions<FrontOfficeOptions> options, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<StorageFaults> log)
{
    public const string WriteFailed = "write-failed";
    public const string FileNotWritten = "file-not-written";
    public const string DatabaseFileDeleted = "database-file-deleted";
    public const string DiskNearlyFull = "disk-nearly-full";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, StorageFault> _recorded = new(StringComparer.Ordinal);
    private volatile bool _anyRecorded;

    /// <summary>
    /// The storage error inside <paramref name="error"/> (SQLite's full, I/O, read-only or cannot-open),
    /// or null when it is not about storage. EF and the group commit wrap SQLite's exception.
    /// </summary>
    public static SqliteException? Cause(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            // Primary result codes: the extended ones (SQLITE_IOERR_SHORT_READ …) carry them in the low byte.
            if (e is SqliteException { SqliteErrorCode: var code } sqlite && (code & 0xFF) is SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCannotOpen)
            {
                return sqlite;
            }
        }

        return null;
    }

    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;

    /// <summary>A read or write failed; recorded when it failed for storage reasons.</summary>
    public void Failed(Exception error)
    {
        if (Cause(error) is { } cause)
        {
            Record(WriteFailed, $"{cause.Message} (extended code {cause.SqliteExtendedErrorCode})", new Words(
                "Дерекқорға жазу сәтсіз аяқталды (диск толы немесе ақаулы болуы мүмкін); келесі сәтті жазуға дейін осылай көрсетіледі",
                "Запись в базу данных не удалась (диск полон или неисправен); так будет показано до следующей успешной записи",
                "A write to the database failed (the disk may be full or failing); shown until a later write succeeds"));
        }
    }

    /// <summary>A transaction committed: the database takes writes again. On every commit, so nothing to do costs nothing.</summary>
    public void Written()
    {
        if (!_anyRecorded)
        {
            return;
        }

        Clear(WriteFailed);
        if (Recorded(DatabaseFileDeleted) && DeletedFiles().Count == 0)
        {
            Clear(DatabaseFileDeleted);
        }
    }

    /// <summary>A file the server keeps beside the database (the audit head) could not be written; what committed stays committed.</summary>
    public void FileFailed(string file, Exception error) =>
        Record(FileNotWritten + ":" + file, $"{file}: {error.GetType().Name}: {error.Message}", new Words(
            $"Дерекқор жанындағы {file} файлы жазылмады (деректер бумасы тек оқуға ма, әлде диск толы ма?); өзгерістер сақталды",
            $"Файл {file} рядом с базой данных не записан (папка данных только для чтения или диск полон?); изменения сохранены",
            $"The file {file} beside the database could not be written (is the data directory read-only, or the disk full?); the changes were saved"));

    public void FileWritten(string file) => Clear(FileNotWritten + ":" + file);

    /// <summary>The database's files that the server still has open although they were deleted (Linux only).</summary>
    public IReadOnlyList<string> DeletedFiles() => PersistenceSetup.DeletedWhileOpen(options.Value.DataDirectory);

    /// <summary>Seen by the checkpoint loop: stays until a write succeeds with the files back in place.</summary>
    public void FilesDeleted(IReadOnlyList<string> files) =>
        Record(DatabaseFileDeleted, "deleted while open: " + string.Join(", ", files), new Words(
            $"Дерекқор файлы сервер жұмыс істеп тұрғанда жойылды ({string.Join(", ", files)}); сервер дерекқорды қайта ашады, ақау сақталса, серверді қайта іске қосыңыз",
            $"Файл базы данных удалён во время работы сервера ({string.Join(", ", files)}); сервер заново открывает базу, если неисправность остаётся, перезапустите сервер",
            $"A database file was deleted while the server ran ({string.Join(", ", files)}); the server reopens the database; restart it if the fault stays"));

    /// <summary>Every fault now: those recorded, and the free space and deleted files as they are at this moment.</summary>
    public IReadOnlyList<StorageFault> Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (DeletedFiles() is { Count: > 0 } deleted)
        {
            FilesDeleted(deleted);
        }

        List<StorageFault> faults;
        lock (_lock)
        {
            faults = [.. _recorded.Values];
        }

        if (FreeMegabytes() is { } free && free < storage.Value.MinFreeMegabytes)
        {
            var (freeText, min) = (free.ToString(CultureInfo.InvariantCulture), storage.Value.MinFreeMegabytes.ToString(CultureInfo.InvariantCulture));
            faults.Add(new StorageFault(DiskNearlyFull, new Words(
                $"Деректер дискісінде {freeText} МБ ғана бос қалды (шегі {min} МБ): орын босатыңыз",
                $"На диске с данными свободно всего {freeText} МБ (порог {min} МБ): освободите место",
                $"Only {freeText} MB free on the data directory's disk (threshold {min} MB): free some space"),
                $"{freeText} MB free on the data directory's disk, below FrontOffice:Storage:MinFreeMegabytes ({min})", now));
        }

        return faults;
    }

    private long? FreeMegabytes()
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(options.Value.DataDirectory)).AvailableFreeSpace / (1024 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private void Record(string key, string detail, Words words)
    {
        lock (_lock)
        {
            if (_recorded.ContainsKey(key))
            {
                return;
            }

            _recorded[key] = new StorageFault(key.Split(':')[0], words, detail, clock.GetUtcNow().UtcDateTime);
            _anyRecorded = true;
        }

        Log.Began(log, key, detail);
    }

    private bool Recorded(string key)
    {
        lock (_lock)
        {
            return _recorded.ContainsKey(key);
        }
    }

    private void Clear(string key)
    {
        if (!_anyRecorded)
        {
            return;
        }

        bool removed;
        lock (_lock)
        {
            removed = _recorded.Remove(key);
            _anyRecorded = _recorded.Count > 0;
        }

        if (removed)
        {
            Log.Ended(log, key);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Storage fault {Fault}: {Detail}")]
        public static partial void Began(ILogger logger, string fault, string detail);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Storage fault {Fault} has ended")]
        public static partial void Ended(ILogger logger, string fault);
    }
}
