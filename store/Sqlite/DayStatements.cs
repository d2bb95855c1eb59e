namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The writer's SQL for one schema version of a day file. Version 2 finds an id by its 64-bit key and compares the
/// full text (a shared key never drops a distinct event); version 1 relies on the unique index on the id text. Version
/// 3 writes its rows as version 2 does, and its text index elsewhere.
/// </summary>
internal sealed class DayStatements
{
    private const string Columns = "id, ts, host, dataset, file_path, source_ip, method, status, bytes, url_path, url_original, user_agent";
    private const string Values = "$id, $ts, $host, $dataset, $file, $ip, $method, $status, $bytes, $path, $url, $ua";

    /// <summary>The parameters of <see cref="Insert"/>, in the order <see cref="DayWriter"/> fills them.</summary>
    public static readonly string[] Parameters =
        ["$id", "$ts", "$host", "$dataset", "$file", "$ip", "$method", "$status", "$bytes", "$path", "$url", "$ua", "$message", "$offset", "$doc", "$key"];

    private DayStatements(string? find, string contains, string insert, string? insertText)
    {
        Find = find;
        Contains = contains;
        Insert = insert;
        InsertText = insertText;
    }

    /// <summary>Returns a row when the id (<c>$key</c>, <c>$id</c>) is already stored; null for version 1.</summary>
    public string? Find { get; }

    /// <summary>Returns a row when the id (<c>$key</c>, <c>$id</c>) is stored, for any version.</summary>
    public string Contains { get; }

    /// <summary>Inserts one event; for version 1 it returns its rowid, or nothing when the id is already stored.</summary>
    public string Insert { get; }

    /// <summary>
    /// Indexes the text of every row above <c>$after</c> in one statement, in the rows' transaction; null for version
    /// 3, whose index is written by the second writer into its own file (<see cref="TextIndexWriter"/>).
    /// </summary>
    public string? InsertText { get; }

    public static DayStatements For(int version) => version switch
    {
        DaySchema.Version1 => V1,
        DaySchema.Version2 => V2,
        _ => V3,
    };

    // The URL gets its own full-text column only when the message does not contain it (an Apache or HAProxy line
    // always does): free text finds the same events, and the words are tokenised once instead of twice.
    private static readonly DayStatements V2 = new(
        "SELECT 1 FROM events WHERE key = $key AND id = $id;",
        "SELECT 1 FROM events WHERE key = $key AND id = $id;",
        $"INSERT INTO events(key, {Columns}, log_offset, doc) VALUES($key, {Values}, $offset, jsonb($doc));",
        """
        INSERT INTO fts(rowid, message, url)
        SELECT rowid, message, CASE WHEN instr(message, url_original) > 0 THEN NULL ELSE url_original END
        FROM events WHERE rowid > $after;
        """);

    private static readonly DayStatements V3 = new(V2.Find, V2.Contains, V2.Insert, null);

    private static readonly DayStatements V1 = new(
        null,
        "SELECT 1 FROM events WHERE id = $id;",
        $"INSERT INTO events({Columns}, message, log_offset, doc) VALUES({Values}, $message, $offset, jsonb($doc)) ON CONFLICT(id) DO NOTHING RETURNING rowid;",
        "INSERT INTO fts(rowid, message, url) SELECT rowid, message, url_original FROM events WHERE rowid > $after;");
}
