using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The schema of one day file. Typed columns for what people filter and aggregate on, the whole document as JSONB,
/// and a contentless FTS5 index over message and URL (the text itself is in <c>events</c>; the index only has to
/// answer MATCH with rowids, and days are deleted whole, so no per-row delete is ever needed).
/// </summary>
internal static class DaySchema
{
    public const int Version = 1;

    private const string Ddl = """
        CREATE TABLE events(
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
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
            message TEXT,
            log_offset INTEGER,
            doc BLOB NOT NULL);
        CREATE INDEX events_ts ON events(ts);
        CREATE INDEX events_host_file_ts ON events(host, file_path, ts);
        CREATE INDEX events_status_ts ON events(status, ts);
        CREATE INDEX events_path ON events(url_path, ts, rowid, status, source_ip);
        CREATE INDEX events_source_ip_ts ON events(source_ip, ts);
        CREATE VIRTUAL TABLE fts USING fts5(message, url, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, 'col');
        """;

    /// <summary>
    /// Planner statistics for a typical day (a million events; paths and addresses selective, statuses not), written
    /// up front so that the query plans are the same from a day's first event to its last: a path filter walks
    /// <c>events_path</c> (already in time order, covering status and address) rather than every 404 of the day.
    /// </summary>
    private const string Statistics = """
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

    /// <summary>
    /// Creates the day file if it does not exist. The schema is built under a temporary name and renamed into place,
    /// so a reader (or a crash) never sees a day file without its tables.
    /// </summary>
    public static void EnsureCreated(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var temp = path + ".creating";
        DeleteWithSidecars(temp);
        using (var connection = new SqliteConnection(ConnectionStrings.ReadWriteCreate(temp)))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, $"PRAGMA user_version={Version};");
            Execute(connection, Ddl);
            Execute(connection, Statistics);
        }

        File.Move(temp, path);
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
