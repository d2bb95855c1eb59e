using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The writer's open connection to one day file, with its prepared statements. The per-event ones (look-up, insert)
/// run through <see cref="PreparedStatement"/>: bound by position, strings as UTF-8, nothing allocated per event.
/// </summary>
internal sealed class DayWriter : IDisposable
{
    private const int SqliteError = 1;
    private const int MessageParameter = 16;

    private readonly SqliteConnection _connection;
    private readonly List<IDisposable> _owned = [];
    private readonly PreparedStatement _insert;
    private readonly PreparedStatement? _find;
    private readonly PreparedStatement _contains;
    private readonly PreparedStatement? _insertText;
    private readonly PreparedStatement _lastRowId;
    private readonly MinuteSummary? _minutes;
    private readonly bool _bindsMessage;

    public DayWriter(string path, SqliteDurability durability, bool splitTextIndex)
    {
        DaySchema.EnsureCreated(path, splitTextIndex);

        // A day holds millions of rows; the id, address and path indexes take random inserts, so give them a page
        // cache that holds their hot pages (the default 2 MiB thrashes), and checkpoint the WAL in larger steps.
        _connection = DaySchema.OpenForWriting(path, durability, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=4000;");
        try
        {
            Version = DaySchema.VersionOf(_connection, path);
            var statements = DayStatements.For(Version);
            _insert = Prepare(statements.Insert);
            _bindsMessage = _insert.Parameters >= MessageParameter;
            _find = statements.Find is { } find ? Prepare(find) : null;

            // One statement indexes the whole batch's text after its rows are in. Inserting into FTS5 row by row
            // between the events inserts is far slower: every later statement opens a savepoint, and FTS5 flushes its
            // pending terms to a new segment at each savepoint, so a batch became thousands of one-row segments.
            _insertText = statements.InsertText is { } insertText ? Prepare(insertText) : null;
            _contains = Prepare(statements.Contains);
            _lastRowId = Prepare("SELECT coalesce(max(rowid), 0) FROM events;");
            if (DaySchema.HasMinutes(_connection))
            {
                _minutes = new MinuteSummary(_connection);
                _owned.Add(_minutes);
            }
        }
        catch
        {
            // A failed prepare (or an unknown version) must not leave native handles behind.
            Dispose();
            throw;
        }
    }
    public DateTimeOffset LastUsed { get; set; }

    /// <summary>The schema version of the day file.</summary>
    public int Version { get; }

    /// <summary>
    /// Writes the given records of one or more batches in one transaction and fills their outcomes. Returns the
    /// highest rowid of the day once it has committed: for versions 3 and 4, the text index is written up to it next.
    /// </summary>
    public long Write(List<(PendingWrite Write, int Index)> items)
    {
        _minutes?.Clear();
        using var transaction = _connection.BeginTransaction();

        // Rowids only grow (rows are never deleted from a day), so the rows above the current maximum are this batch's.
        _lastRowId.Step(out var before);
        foreach (var (write, index) in items)
        {
            var outcome = Insert(write.Records[index], write.Keys[index]);
            write.Outcomes[index] = outcome;
            if (outcome.Status == WriteStatus.Stored)
            {
                _minutes?.Add(write.Records[index]);
            }
        }

        if (_insertText is not null)
        {
            _insertText.Bind(1, before);
            _insertText.Step();
        }

        _minutes?.Write();
        _lastRowId.Step(out var last);
        transaction.Commit();
        return last;
    }

    /// <summary>The highest rowid of the day (committed: read outside any transaction of this writer).</summary>
    public long LastRowId()
    {
        _lastRowId.Step(out var last);
        return last;
    }

    /// <summary>
    /// True when the day already holds an event timed by the ingest clock with this id (read outside any transaction of
    /// this writer): a re-send after midnight of an event first stored the day before.
    /// </summary>
    public bool ContainsTimedByIngestClock(string id)
    {
        _contains.Bind(1, KeyOf(IdKey.Of(id), timedByIngestClock: true));
        _contains.Bind(2, id);
        return _contains.Step();
    }

    /// <summary>Finalizes every statement, then closes the connection (statements first: they belong to it).</summary>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
        _connection.Dispose();
    }

    private PreparedStatement Prepare(string sql)
    {
        var statement = new PreparedStatement(_connection, sql);
        _owned.Add(statement);
        return statement;
    }

    /// <summary>The key stored for an id whose <see cref="IdKey.Of"/> is <paramref name="idKey"/>, in this file's version.</summary>
    private long KeyOf(long idKey, bool timedByIngestClock) =>
        Version == DaySchema.Version4 ? IdKey.ForVersion4(idKey, timedByIngestClock) : idKey;

    private WriteOutcome Insert(LogRecord record, long idKey)
    {
        var key = KeyOf(idKey, record.TimestampFromIngestClock);
        var ts = EventTime.ToNanos(record.Timestamp);

        // Version 4 finds an event timed by the ingest clock by key alone: a re-send carries another time.
        var find = record.TimestampFromIngestClock && Version == DaySchema.Version4 ? _contains : _find;
        if (find is not null)
        {
            find.Bind(1, key);
            find.Bind(2, record.Id);
            if (find.Parameters >= 3)
            {
                find.Bind(3, ts);
            }

            if (find.Step())
            {
                return new WriteOutcome(WriteStatus.Duplicate);
            }
        }

        DayStatements.BindRow(_insert, record, key, ts);
        if (_bindsMessage)
        {
            _insert.Bind(MessageParameter, record.Message);
        }

        bool stored;
        try
        {
            // Version 1 returns the new rowid, or no row when ON CONFLICT(id) skipped a duplicate; the others no row.
            var returned = _insert.Step();
            stored = _find is not null || returned;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteError && e.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase))
        {
            return new WriteOutcome(WriteStatus.Failed, $"event {record.Id}: the document is not valid JSON ({e.Message}).");
        }

        return new WriteOutcome(stored ? WriteStatus.Stored : WriteStatus.Duplicate);
    }
}
