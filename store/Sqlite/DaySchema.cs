using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The schema of one day file. Typed columns for what people filter and aggregate on, the whole document as JSONB,
/// and a contentless FTS5 index over message and URL (the text itself is in <c>events</c>; the index only has to
/// answer MATCH with rowids, and days are deleted whole, so no per-row delete is ever needed).
/// Version 2 keeps the message once (inside the document; <c>message</c> is a virtual column read from it), indexes
/// the id by a 64-bit key (<see cref="IdKey"/>) instead of a unique index on its text, and indexes the URL as its own
/// full-text column only when the message does not already contain it. Version 1 files (message stored twice, unique
/// text id) are still read and written: see <see cref="DayStatements"/>.
/// Version 3 has the same tables as version 2 but keeps the full-text index in a file of its own, written by a second
/// writer thread (<see cref="TextIndexFile"/>, <see cref="TextIndexWriter"/>); version 2 files (index inside) are still
/// read and written (<see cref="DaySchemaVersion2"/>).
/// <c>minutes</c> holds the stored events per minute of the day and (host, dataset, status), written in the insert
/// transaction (<see cref="MinuteSummary"/>). It was added to version 2 before that version was released; day files
/// without it (version 1, and version 2 files created earlier) are read by counting their rows
/// (<see cref="HasMinutes"/>).
/// </summary>
internal static class DaySchema
{
    /// <summary>
    /// The newest layout, in which new days are created (with <see cref="SqliteStoreOptions.SplitTextIndex"/>): as
    /// version 3, but the id is found by <c>(ts, key)</c> (<see cref="Version4Ddl"/>), not by a random-order key index.
    /// </summary>
    public const int Version4 = 4;

    /// <summary>
    /// The first layout with the text index in a file of its own (still read and written); text index files carry this
    /// version whatever their day file's (3 or 4): their layout did not change.
    /// </summary>
    public const int Version = 3;

    /// <summary>The full-text index inside the day file (until 2026-11-22 13:00): still read and written, never created.</summary>
    public const int Version2 = 2;

    /// <summary>The first layout (until 2026-11-22): still read and written, never created.</summary>
    public const int Version1 = 1;

    /// <summary>The tables and indexes of versions 2 and 3 apart from the full-text index.</summary>
    internal const string EventsDdl = """
        CREATE TABLE events(
            rowid INTEGER PRIMARY KEY,
            key INTEGER NOT NULL,
            id TEXT NOT NULL,
            ts INTEGER NOT NULL,
            host TEXT COLLATE NOCASE,
            dataset TEXT,
            file_path TEXT,
            source_ip TEXT,
            method TEXT COLLATE NOCASE,
            status INTEGER,
            bytes INTEGER,
            url_path TEXT COLLATE NOCASE,
            url_original TEXT COLLATE NOCASE,
            user_agent TEXT COLLATE NOCASE,
            message TEXT GENERATED ALWAYS AS (doc ->> '$.message') VIRTUAL,
            log_offset INTEGER,
            doc BLOB NOT NULL);
        CREATE INDEX events_key ON events(key);
        CREATE INDEX events_ts ON events(ts);
        CREATE INDEX events_host_file_ts ON events(host, file_path, ts);
        CREATE INDEX events_status_ts ON events(status, ts);
        CREATE INDEX events_path ON events(url_path, ts, rowid, status, source_ip);
        CREATE INDEX events_source_ip_ts ON events(source_ip, ts);
        CREATE TABLE minutes(
            minute INTEGER NOT NULL,
            key TEXT NOT NULL,
            host TEXT COLLATE NOCASE,
            dataset TEXT,
            status INTEGER,
            n INTEGER NOT NULL,
            PRIMARY KEY(minute, key)) WITHOUT ROWID;
        """;

    /// <summary>
    /// Version 4's tables: version 3's, with the id found by <c>events_ts(ts, key)</c> instead of <c>events_key(key)</c>
    /// plus <c>events_ts(ts)</c>. An event's time is deterministic for its id (the same line parses to the same time),
    /// so a re-send is found at its time, where inserts are near the end of the index; a random-order key index took
    /// a random leaf page per insert, rewritten to the WAL at every commit (≈ 4.4 CPU-µs per event at 400k events, more
    /// as a day grows). Events timed by the ingest clock (no time of their own: a re-send carries another time) have
    /// the key's lowest bit set (<see cref="IdKey.ForVersion4(string, bool)"/>) and are also in the small partial index
    /// <c>events_clock</c>, where a re-send finds them by key alone.
    /// </summary>
    internal static readonly string Version4Ddl = EventsDdl
        .Replace("CREATE INDEX events_key ON events(key);\n", string.Empty, StringComparison.Ordinal)
        .Replace("CREATE INDEX events_ts ON events(ts);", "CREATE INDEX events_ts ON events(ts, key);\nCREATE INDEX events_clock ON events(key) WHERE key & 1 = 1;", StringComparison.Ordinal);

    /// <summary>Version 4's planner statistics: as <see cref="Statistics"/>, for its indexes.</summary>
    internal static readonly string Version4Statistics = Statistics
        .Replace("('events', 'events_key', '1000000 1'),", "('events', 'events_clock', '1000 1'),", StringComparison.Ordinal)
        .Replace("('events', 'events_ts', '1000000 2'),", "('events', 'events_ts', '1000000 2 1'),", StringComparison.Ordinal);

    /// <summary>
    /// Planner statistics for a typical day (a million events; paths and addresses selective, statuses not), written
    /// up front so that the query plans are the same from a day's first event to its last: a path filter walks
    /// <c>events_path</c> (already in time order, covering status and address) rather than every 404 of the day.
    /// </summary>
    internal const string Statistics = """
        ANALYZE;
        INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES
            ('events', NULL, '1000000'),
            ('events', 'events_key', '1000000 1'),
            ('events', 'events_ts', '1000000 2'),
            ('events', 'events_host_file_ts', '1000000 250000 250000 2'),
            ('events', 'events_status_ts', '1000000 100000 2'),
            ('events', 'events_path', '1000000 200 2 1 1 1'),
            ('events', 'events_source_ip_ts', '1000000 30 2');
        """;

    /// <summary>The full-text index: contentless FTS5 over message and URL, and its vocabulary.</summary>
    internal const string FtsDdl = """
        CREATE VIRTUAL TABLE fts USING fts5(message, url, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, 'col');
        """;

    /// <summary>
    /// Creates the day file if it does not exist: in version 4 (with its text index file, <see cref="TextIndexFile"/>)
    /// when <paramref name="splitTextIndex"/>, else in version 2. Each is built
    /// under a temporary name and renamed into place, the text index first, so a reader (or a crash) never sees a day
    /// file without its tables, nor a new day file without its text index.
    /// </summary>
    public static void EnsureCreated(string path, bool splitTextIndex)
    {
        if (File.Exists(path))
        {
            return;
        }

        if (!splitTextIndex)
        {
            Create(path, Version2, EventsDdl + FtsDdl + Statistics);
            return;
        }

        CreateWithTextIndex(path, Version4, Version4Ddl + Version4Statistics);
    }

    /// <summary>Creates a day file whose text index is in a file of its own (version 3 or 4), the text index first.</summary>
    public static void CreateWithTextIndex(string path, int version, string ddl)
    {
        // A text index left by a crash before its day file was renamed into place (or by a deleted day) is stale.
        TextIndexFile.Delete(path);
        TextIndexFile.Create(path);
        Create(path, version, ddl);
    }

    /// <summary>True for the versions whose text index is in a file of its own (written by the text writer).</summary>
    public static bool HasTextIndexFile(int version) => version >= Version;

    /// <summary>Builds a database under <c>path.creating</c> with the given version and DDL, then renames it to <paramref name="path"/>.</summary>
    public static void Create(string path, int version, string ddl)
    {
        var temp = path + ".creating";
        DeleteWithSidecars(temp);
        using (var connection = new SqliteConnection(ConnectionStrings.ReadWriteCreate(temp)))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, $"PRAGMA user_version={version};");
            Execute(connection, ddl);
        }

        File.Move(temp, path);
    }

    /// <summary>
    /// The schema version of an open day file; throws, naming the file and what to do, for a version this build does
    /// not know (a file written by a newer LogPipeline).
    /// </summary>
    public static int VersionOf(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return version is Version4 or Version or Version2 or Version1
            ? version
            : throw new InvalidDataException(
                $"The day file {path} has schema version {version}; this LogPipeline reads versions {Version1} to {Version4}. "
                + "It was written by another LogPipeline version: run that version, or move the file out of the data directory.");
    }

    /// <summary>True when the open day file has the <c>minutes</c> summary table (it is created with the file or never).</summary>
    public static bool HasMinutes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'minutes';";
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Opens a writer's connection: WAL, the commit's fsync as <paramref name="durability"/> says, then <paramref name="tuning"/>.</summary>
    public static SqliteConnection OpenForWriting(string path, SqliteDurability durability, string tuning)
    {
        var connection = new SqliteConnection(ConnectionStrings.ReadWrite(path));
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");

            // SQLite's own wait on a lock, for the writer's raw statements (PreparedStatement): Microsoft.Data.Sqlite
            // retries its commands on SQLITE_BUSY by itself, but not statements run through SQLitePCL directly.
            Execute(connection, "PRAGMA busy_timeout=30000;");
            Execute(connection, tuning);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void DeleteWithSidecars(string path)
    {
        File.Delete(path);
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        File.Delete(path + "-journal");
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
