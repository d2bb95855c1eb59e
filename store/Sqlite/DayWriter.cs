using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>The writer's open connection to one day file, with its prepared insert statements.</summary>
internal sealed class DayWriter : IDisposable
{
    private const int SqliteError = 1;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand? _find;
    private readonly SqliteCommand _contains;
    private readonly SqliteCommand? _insertText;
    private readonly SqliteCommand _lastRowId;
    private readonly MinuteSummary? _minutes;

    public DayWriter(string path, SqliteDurability durability, bool splitTextIndex)
    {
        DaySchema.EnsureCreated(path, splitTextIndex);

        // A day holds millions of rows; the id, address and path indexes take random inserts, so give them a page
        // cache that holds their hot pages (the default 2 MiB thrashes), and checkpoint the WAL in larger steps.
        _connection = DaySchema.OpenForWriting(path, durability, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=4000;");

        Version = DaySchema.VersionOf(_connection, path);
        var statements = DayStatements.For(Version);
        _insert = _connection.CreateCommand();
        _insert.CommandText = statements.Insert;
        foreach (var name in DayStatements.Parameters)
        {
            _insert.Parameters.Add(new SqliteParameter(name, null));
        }

        if (statements.Find is { } find)
        {
            _find = _connection.CreateCommand();
            _find.CommandText = find;
            _find.Parameters.Add(new SqliteParameter("$key", null));
            _find.Parameters.Add(new SqliteParameter("$id", null));
        }

        // One statement indexes the whole batch's text after its rows are in. Inserting into FTS5 row by row between
        // the events inserts is far slower: every later statement opens a savepoint, and FTS5 flushes its pending
        // terms to a new segment at each savepoint, so a batch became thousands of one-row segments to merge.
        if (statements.InsertText is { } insertText)
        {
            _insertText = _connection.CreateCommand();
            _insertText.CommandText = insertText;
            _insertText.Parameters.Add(new SqliteParameter("$after", null));
        }

        _contains = _connection.CreateCommand();
        _contains.CommandText = statements.Contains;
        _contains.Parameters.Add(new SqliteParameter("$key", null));
        _contains.Parameters.Add(new SqliteParameter("$id", null));
        _lastRowId = _connection.CreateCommand();
        _lastRowId.CommandText = "SELECT coalesce(max(rowid), 0) FROM events;";
        _minutes = DaySchema.HasMinutes(_connection) ? new MinuteSummary(_connection) : null;
    }

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>The schema version of the day file.</summary>
    public int Version { get; }

    /// <summary>
    /// Writes the given records of one or more batches in one transaction and fills their outcomes. Returns the
    /// highest rowid of the day once it has committed: for version 3, the text index is written up to it next.
    /// </summary>
    public long Write(List<(PendingWrite Write, int Index)> items)
    {
        _minutes?.Clear();
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        _find?.Transaction = transaction;
        _insertText?.Transaction = transaction;
        _lastRowId.Transaction = transaction;

        // Rowids only grow (rows are never deleted from a day), so the rows above the current maximum are this batch's.
        _insertText?.Parameters[0].Value = _lastRowId.ExecuteScalar();
        foreach (var (write, index) in items)
        {
            var outcome = Insert(write.Records[index]);
            write.Outcomes[index] = outcome;
            if (outcome.Status == WriteStatus.Stored)
            {
                _minutes?.Add(write.Records[index]);
            }
        }

        _insertText?.ExecuteNonQuery();
        _minutes?.Write(transaction);
        var last = (long)_lastRowId.ExecuteScalar()!;
        transaction.Commit();
        return last;
    }

    /// <summary>The highest rowid of the day (committed: read outside any transaction of this writer).</summary>
    public long LastRowId()
    {
        _lastRowId.Transaction = null;
        return (long)_lastRowId.ExecuteScalar()!;
    }

    /// <summary>True when the day already holds an event with this id (read outside any transaction of this writer).</summary>
    public bool Contains(string id)
    {
        _contains.Parameters[0].Value = IdKey.Of(id);
        _contains.Parameters[1].Value = id;
        return _contains.ExecuteScalar() is not null;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _find?.Dispose();
        _contains.Dispose();
        _insertText?.Dispose();
        _lastRowId.Dispose();
        _minutes?.Dispose();
        _connection.Dispose();
    }

    private WriteOutcome Insert(LogRecord record)
    {
        var key = IdKey.Of(record.Id);
        if (_find is not null)
        {
            _find.Parameters[0].Value = key;
            _find.Parameters[1].Value = record.Id;
            if (_find.ExecuteScalar() is not null)
            {
                return new WriteOutcome(WriteStatus.Duplicate);
            }
        }

        object?[] values =
        [
            record.Id, EventTime.ToNanos(record.Timestamp), record.Host, record.Dataset, record.FilePath, record.SourceIp,
            record.Method, record.Status, record.Bytes, record.UrlPath, record.UrlOriginal, record.UserAgent,
            record.Message, record.Offset, record.DocumentJson, key,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        bool stored;
        try
        {
            // Version 1 returns the new rowid, or no row when ON CONFLICT(id) skipped a duplicate.
            stored = _find is null ? _insert.ExecuteScalar() is not null : _insert.ExecuteNonQuery() == 1;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteError && e.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase))
        {
            return new WriteOutcome(WriteStatus.Failed, $"event {record.Id}: the document is not valid JSON ({e.Message}).");
        }

        return new WriteOutcome(stored ? WriteStatus.Stored : WriteStatus.Duplicate);
    }
}
