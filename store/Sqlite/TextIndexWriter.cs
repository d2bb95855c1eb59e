using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The second writer's connection to one version 3 day: the day's text index file (<see cref="TextIndexFile"/>) opened
/// for writing, with the day file attached to read the rows to index. Each call indexes the rows between the
/// watermark and a rowid whose row has already committed in the day file, and moves the watermark in the same
/// transaction: the index is never ahead of the rows (a crash cannot leave index entries for rowids a later, different
/// event would reuse), and a call that failed is made good by the next one, which starts from the watermark.
/// </summary>
internal sealed class TextIndexWriter : IDisposable
{
    private const string DaySchemaName = "day";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _index;
    private readonly SqliteCommand _lastRowId;

    public TextIndexWriter(string dayPath)
    {
        if (!File.Exists(dayPath))
        {
            throw new FileNotFoundException($"The day file {dayPath} does not exist (deleted by retention?); its text index is not written.", dayPath);
        }

        var path = TextIndexFile.PathOf(dayPath);
        if (!File.Exists(path))
        {
            // Derived data: rebuilt from the day file, from rowid 0.
            TextIndexFile.Create(dayPath);
        }

        // synchronous=NORMAL whatever the store's durability: the index is derived from the day file, whose commits are
        // fsynced before the index is written. An OS crash or power loss can only take the index's last commits back
        // (WAL mode stays consistent), never the rows; the watermark goes back with them, and the store's start indexes
        // the rows above it again (CatchUp) before it takes writes. So the acknowledgement waits for one fsync, not two.
        _connection = DaySchema.OpenForWriting(path, SqliteDurability.Normal, "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;");
        using (var attach = _connection.CreateCommand())
        {
            attach.CommandText = $"ATTACH $path AS {DaySchemaName};";
            attach.Parameters.AddWithValue("$path", dayPath);
            attach.ExecuteNonQuery();
        }

        // The rows to index were just written by the other connection: map the day file rather than copy its pages.
        DaySchema.Execute(_connection, $"PRAGMA {DaySchemaName}.mmap_size=1073741824;");

        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT rowid FROM main.watermark;";
            Watermark = (long)read.ExecuteScalar()!;
        }

        // As in version 2, the URL gets its own full-text column only when the message does not contain it.
        _index = _connection.CreateCommand();
        _index.CommandText = $"""
            INSERT INTO main.fts(rowid, message, url)
            SELECT rowid, message, CASE WHEN instr(message, url_original) > 0 THEN NULL ELSE url_original END
            FROM {DaySchemaName}.events WHERE rowid > $after AND rowid <= $upto;
            UPDATE main.watermark SET rowid = $upto;
            """;
        _index.Parameters.Add(new SqliteParameter("$after", null));
        _index.Parameters.Add(new SqliteParameter("$upto", null));
        _lastRowId = _connection.CreateCommand();
        _lastRowId.CommandText = $"SELECT coalesce(max(rowid), 0) FROM {DaySchemaName}.events;";
    }

    /// <summary>The highest rowid of the day's events that the index holds (committed).</summary>
    public long Watermark { get; private set; }

    /// <summary>Indexes every row of the day up to <paramref name="upTo"/> not yet indexed, in one durable transaction.</summary>
    public void IndexUpTo(long upTo)
    {
        if (upTo <= Watermark)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction(deferred: true);
        _index.Transaction = transaction;
        _index.Parameters[0].Value = Watermark;
        _index.Parameters[1].Value = upTo;
        _index.ExecuteNonQuery();
        transaction.Commit();
        Watermark = upTo;
    }

    /// <summary>Indexes every committed row of the day the index does not hold yet (after a crash between the two commits).</summary>
    public void CatchUp() => IndexUpTo((long)_lastRowId.ExecuteScalar()!);

    public void Dispose()
    {
        _index.Dispose();
        _lastRowId.Dispose();
        _connection.Dispose();
    }
}
