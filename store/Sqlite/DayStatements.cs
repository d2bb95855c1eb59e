namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The writer's SQL for one schema version of a day file. Version 2 finds an id by its 64-bit key and compares the
/// full text (a shared key never drops a distinct event); version 1 relies on the unique index on the id text. Version
/// 3 writes its rows as version 2 does, and its text index elsewhere. Version 4 finds an id by its time and key (and
/// the full text), or, for an event timed by the ingest clock, by key in the partial index <c>events_clock</c>.
/// </summary>
internal sealed class DayStatements
{
    // The parameters, by position (DayWriter binds them so; a statement binds only those up to its highest):
    // ?1 key, ?2 id, ?3 ts, ?4 host, ?5 dataset, ?6 file path, ?7 source ip, ?8 method, ?9 status, ?10 bytes,
    // ?11 url path, ?12 url, ?13 user agent, ?14 log offset, ?15 document (JSON text), ?16 message (version 1 only).
    private const string Columns = "id, ts, host, dataset, file_path, source_ip, method, status, bytes, url_path, url_original, user_agent";
    private const string Values = "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13";

    private DayStatements(string? find, string contains, string insert, string? insertText)
    {
        Find = find;
        Contains = contains;
        Insert = insert;
        InsertText = insertText;
    }

    /// <summary>
    /// Returns a row when the id (<c>?1</c> key, <c>?2</c> id, and for version 4 <c>?3</c> its time) is already stored;
    /// null for version 1.
    /// </summary>
    public string? Find { get; }

    /// <summary>
    /// Returns a row when an event timed by the ingest clock is stored under this id (<c>?1</c> key, <c>?2</c> id),
    /// whatever its time; for version 4 also the look-up of such an event in its own day (its <see cref="Find"/>).
    /// </summary>
    public string Contains { get; }

    /// <summary>Inserts one event; for version 1 it returns its rowid, or nothing when the id is already stored.</summary>
    public string Insert { get; }

    /// <summary>
    /// Indexes the text of every row above <c>$after</c> in one statement, in the rows' transaction; null for version
    /// 3, whose index is written by the second writer into its own file (<see cref="TextIndexWriter"/>).
    /// </summary>
    public string? InsertText { get; }

    /// <summary>
    /// Binds a record to <see cref="Insert"/>'s parameters ?1 to ?15 (every version; version 1's message, ?16, is its
    /// caller's): the id key, the id, the time in nanoseconds, the typed columns, the offset and the document.
    /// </summary>
    public static void BindRow(PreparedStatement insert, LogRecord record, long key, long ts)
    {
        insert.Bind(1, key);
        insert.Bind(2, record.Id);
        insert.Bind(3, ts);
        insert.Bind(4, record.Host);
        insert.Bind(5, record.Dataset);
        insert.Bind(6, record.FilePath);
        insert.Bind(7, record.SourceIp);
        insert.Bind(8, record.Method);
        insert.Bind(9, record.Status);
        insert.Bind(10, record.Bytes);
        insert.Bind(11, record.UrlPath);
        insert.Bind(12, record.UrlOriginal);
        insert.Bind(13, record.UserAgent);
        insert.Bind(14, record.Offset);
        insert.Bind(15, record.DocumentJson);
    }

    public static DayStatements For(int version) => version switch
    {
        DaySchema.Version1 => V1,
        DaySchema.Version2 => V2,
        DaySchema.Version => V3,
        _ => V4,
    };

    // The URL gets its own full-text column only when the message does not contain it (an Apache or HAProxy line
    // always does): free text finds the same events, and the words are tokenised once instead of twice.
    private static readonly DayStatements V2 = new(
        "SELECT 1 FROM events WHERE key = ?1 AND id = ?2;",
        "SELECT 1 FROM events WHERE key = ?1 AND id = ?2;",
        $"INSERT INTO events(key, {Columns}, log_offset, doc) VALUES(?1, {Values}, ?14, jsonb(?15));",
        """
        INSERT INTO fts(rowid, message, url)
        SELECT rowid, message, CASE WHEN instr(message, url_original) > 0 THEN NULL ELSE url_original END
        FROM events WHERE rowid > $after;
        """);

    private static readonly DayStatements V3 = new(V2.Find, V2.Contains, V2.Insert, null);

    // The id by (ts, key) in events_ts; an event timed by the ingest clock (lowest key bit set) by key in events_clock.
    private static readonly DayStatements V4 = new(
        "SELECT 1 FROM events WHERE ts = ?3 AND key = ?1 AND id = ?2;",
        "SELECT 1 FROM events WHERE key & 1 = 1 AND key = ?1 AND id = ?2;",
        V2.Insert,
        null);

    private static readonly DayStatements V1 = new(
        null,
        "SELECT 1 FROM events WHERE id = ?2;",
        $"INSERT INTO events({Columns}, message, log_offset, doc) VALUES({Values}, ?16, ?14, jsonb(?15)) ON CONFLICT(id) DO NOTHING RETURNING rowid;",
        "INSERT INTO fts(rowid, message, url) SELECT rowid, message, url_original FROM events WHERE rowid > $after;");
}
