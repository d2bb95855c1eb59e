namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The layout of schema version 1 (until 2026-11-22), which the store still reads and writes but no longer creates.
/// Kept so that the tests and the ingest benchmark can make such a file: the writer's version 1 path is checked, and
/// the benchmark measures the old layout against the new one in the same run.
/// </summary>
internal static class DaySchemaVersion1
{
    private const string Ddl = """
        PRAGMA journal_mode=WAL;
        PRAGMA user_version=1;
        CREATE TABLE events(
            rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ts INTEGER NOT NULL, host TEXT COLLATE NOCASE, dataset TEXT,
            file_path TEXT, source_ip TEXT, method TEXT COLLATE NOCASE, status INTEGER, bytes INTEGER,
            url_path TEXT COLLATE NOCASE, url_original TEXT COLLATE NOCASE, user_agent TEXT COLLATE NOCASE, message TEXT,
            log_offset INTEGER, doc BLOB NOT NULL);
        CREATE INDEX events_ts ON events(ts);
        CREATE INDEX events_host_file_ts ON events(host, file_path, ts);
        CREATE INDEX events_status_ts ON events(status, ts);
        CREATE INDEX events_path ON events(url_path, ts, rowid, status, source_ip);
        CREATE INDEX events_source_ip_ts ON events(source_ip, ts);
        CREATE VIRTUAL TABLE fts USING fts5(message, url, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, 'col');
        ANALYZE;
        INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES
            ('events', NULL, '1000000'),
            ('events', 'sqlite_autoindex_events_1', '1000000 1'),
            ('events', 'events_ts', '1000000 2'),
            ('events', 'events_host_file_ts', '1000000 250000 250000 2'),
            ('events', 'events_status_ts', '1000000 100000 2'),
            ('events', 'events_path', '1000000 200 2 1 1 1'),
            ('events', 'events_source_ip_ts', '1000000 30 2');
        """;

    /// <summary>Creates the version 1 day file for <paramref name="day"/> in <paramref name="directory"/>.</summary>
    public static void Create(string directory, DateOnly day)
    {
        var path = DayFiles.PathOf(directory, day);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionStrings.ReadWriteCreate(path));
        connection.Open();
        DaySchema.Execute(connection, Ddl);
    }
}
