namespace LogPipeline.Store.Sqlite;

/// <summary>Settings of the embedded SQLite store: where the day files live and how long they are kept.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Directory holding one database file per UTC day (<c>events-2026-11-22.db</c>). Created if missing.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>Whole days older than this many days (UTC, counted from today) are deleted.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>When set, the oldest days are deleted until the files together take at most this many bytes.</summary>
    public long? MaxTotalBytes { get; set; }

    /// <summary>Open for reading only (query-ui): never creates, writes or deletes files.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// How hard a commit waits for the disk. <see cref="SqliteDurability.Full"/> (the default) fsyncs the WAL on every
    /// batch, so an acknowledged batch survives a power loss; <see cref="SqliteDurability.Normal"/> survives a process
    /// crash (kill -9) but may lose the last batches on an OS crash or power loss.
    /// </summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>
    /// Creates new days in schema 3 (the default): the day's full-text index in a file of its own
    /// (<c>events-2026-11-22.fts.db</c>), written by a second writer thread while the first writes the next rows. False
    /// creates new days in schema 2 (the index inside the day file). Days already on disk are written in their own
    /// schema (1, 2 or 3) whatever this says.
    /// </summary>
    public bool SplitTextIndex { get; set; } = true;

    /// <summary>
    /// When a batch is acknowledged, for days whose text index is in a file of its own (schemas 3 and 4). True (the
    /// default): once its rows and their text index have both committed, so an acknowledged event is found by free
    /// text at once. False: once its rows have committed (durable, found by field filters at once); the text writer
    /// indexes them right after (found by free text within milliseconds), and a text commit that fails is made good
    /// by the store itself (the next group, or the next start) instead of by the caller's re-send.
    /// </summary>
    public bool WaitForTextIndex { get; set; } = true;

    /// <summary>
    /// Told, in a sentence that names the files, of each repair the store makes on its own (a damaged or stale text
    /// index set aside and rebuilt, the text writer failing). Unset, the repairs are made silently.
    /// </summary>
    public Action<string>? Warn { get; set; }

    /// <summary>Returns every problem with these options at once (empty when they are valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add("SqliteStoreOptions.DataDirectory is empty: set it to the directory that holds the day files.");
        }

        if (RetentionDays < 1)
        {
            errors.Add($"SqliteStoreOptions.RetentionDays is {RetentionDays}: it must be at least 1.");
        }

        if (MaxTotalBytes is < 1)
        {
            errors.Add($"SqliteStoreOptions.MaxTotalBytes is {MaxTotalBytes}: it must be positive, or unset for no limit.");
        }

        return errors;
    }
}
