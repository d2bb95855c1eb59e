using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The second writer's connection to one version 3 day: the day's text index file (<see cref="TextIndexFile"/>) opened
/// for writing, with the day file attached to read the rows to index. Each call indexes the rows between the
/// watermark and a rowid whose row has already committed in the day file (capped at the day's highest rowid, read in
/// the same transaction), and moves the watermark in that transaction: a call that failed is made good by the next
/// one, which starts from the watermark. An index that does not fit its day file is not trusted, but rebuilt from it
/// (<see cref="TextIndexFile.OpenChecked"/>).
/// </summary>
internal sealed class TextIndexWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _index;
    private readonly SqliteCommand _lastRowId;
    private readonly SqliteCommand _mergePolicy;
    private readonly string _dayPath;

    /// <summary>Whether <see cref="TextIndexFile.MergePolicy"/> has committed in this index (set in the first transaction that indexes).</summary>
    private bool _mergePolicySet;

    /// <param name="dayPath">The day file.</param>
    /// <param name="warn">Told, in a sentence naming the file, when a damaged or stale index is set aside and rebuilt.</param>
    public TextIndexWriter(string dayPath, Action<string>? warn)
    {
        if (!File.Exists(dayPath))
        {
            throw new FileNotFoundException($"The day file {dayPath} does not exist (deleted by retention?); its text index is not written.", dayPath);
        }

        _dayPath = dayPath;
        (_connection, Watermark) = TextIndexFile.OpenChecked(dayPath, warn);

        // As in version 2, the URL gets its own full-text column only when the message does not contain it.
        _index = _connection.CreateCommand();
        _index.CommandText = $"""
            INSERT INTO main.fts(rowid, message, url)
            SELECT rowid, message, CASE WHEN instr(message, url_original) > 0 THEN NULL ELSE url_original END
            FROM {TextIndexFile.DaySchemaName}.events WHERE rowid > $after AND rowid <= $upto;
            UPDATE main.watermark SET rowid = $upto, key = (SELECT key FROM {TextIndexFile.DaySchemaName}.events WHERE rowid = $upto);
            """;
        _mergePolicy = _connection.CreateCommand();
        _mergePolicy.CommandText = TextIndexFile.MergePolicy;
        _index.Parameters.Add(new SqliteParameter("$after", null));
        _index.Parameters.Add(new SqliteParameter("$upto", null));
        _lastRowId = _connection.CreateCommand();
        _lastRowId.CommandText = TextIndexFile.LastRowIdSql;
    }

    /// <summary>The highest rowid of the day's events that the index holds (committed).</summary>
    public long Watermark { get; private set; }

    /// <summary>
    /// Indexes every row of the day up to <paramref name="upTo"/> not yet indexed, in one transaction. The rowid is
    /// capped at the day's highest rowid read in that transaction: a job queued for a day that retention deleted and a
    /// late event recreated (its rowids starting again from 1) never moves the watermark past rows it did not index.
    /// </summary>
    public void IndexUpTo(long upTo)
    {
        if (upTo <= Watermark)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction(deferred: true);
        _lastRowId.Transaction = transaction;
        var rows = (long)_lastRowId.ExecuteScalar()!;
        if (rows < Watermark)
        {
            // The day file was replaced under this connection: the owner closes it, and the next open rebuilds.
            throw new InvalidDataException(
                $"The text index of {_dayPath} holds rows up to rowid {Watermark}, but the day file has rows only up to {rows}; it is rebuilt when reopened.");
        }

        upTo = Math.Min(upTo, rows);
        if (upTo <= Watermark)
        {
            return;
        }

        if (!_mergePolicySet)
        {
            // Also for an index made by an earlier build; in the indexing transaction, so that a failure is handled as one.
            _mergePolicy.Transaction = transaction;
            _mergePolicy.ExecuteNonQuery();
        }

        _index.Transaction = transaction;
        _index.Parameters[0].Value = Watermark;
        _index.Parameters[1].Value = upTo;
        _index.ExecuteNonQuery();
        transaction.Commit();
        Watermark = upTo;
        _mergePolicySet = true;
    }

    /// <summary>
    /// After <see cref="IndexUpTo"/>(<paramref name="upTo"/>) failed with a SQLite error: true when the index file is
    /// to blame — it fails SQLite's quick check or FTS5's own integrity check, or else the rows it was to index read
    /// back fine from the day file (damage inside FTS5 that both checks can miss, e.g. a broken structure record, makes
    /// every insert fail with an unrelated error code). False when those rows cannot be read: the day file's problem.
    /// </summary>
    public bool IndexIsToBlame(long upTo)
    {
        using var check = _connection.CreateCommand();
        try
        {
            check.CommandText = "PRAGMA main.quick_check;";
            if (check.ExecuteScalar() as string != "ok")
            {
                return true;
            }

            check.CommandText = "INSERT INTO main.fts(fts) VALUES('integrity-check');";
            check.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            return true;
        }

        try
        {
            check.CommandText = $"SELECT count(message), count(url_original) FROM {TextIndexFile.DaySchemaName}.events WHERE rowid > $after AND rowid <= $upto;";
            check.Parameters.AddWithValue("$after", Watermark);
            check.Parameters.AddWithValue("$upto", upTo);
            check.ExecuteScalar();
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Indexes every committed row of the day the index does not hold yet (after a crash between the two commits).</summary>
    public void CatchUp() => IndexUpTo(long.MaxValue);

    public void Dispose()
    {
        _index.Dispose();
        _lastRowId.Dispose();
        _mergePolicy.Dispose();
        _connection.Dispose();
    }
}
