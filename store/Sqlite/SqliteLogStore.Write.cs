using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    private const int MaxOpenWriters = 3;

    /// <summary>
    /// Writes the batch: records are grouped by the UTC day of their own timestamp (so a re-sent event always lands in
    /// the same day file and its id is found there). The batch is handed to the store's single writer, which writes
    /// every batch waiting at that moment in one transaction per day file; this returns once the transactions holding
    /// this batch's records have committed. Records older than the retention window are refused (they would be
    /// deleted at once). Cancelling before the writer has taken the batch leaves it unwritten; a batch already being
    /// written is committed, but a cancelled caller is never told it was (it re-sends, and gets duplicates).
    /// </summary>
    public async Task<WriteResult> WriteAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (_options.ReadOnly)
        {
            throw new InvalidOperationException(
                $"The SQLite store at {_directory} was opened read-only (SqliteStoreOptions.ReadOnly); only the ingest service writes.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var write = Classify(records);
        if (write.Pending == 0)
        {
            return new WriteResult(write.Outcomes);
        }

        using var registration = cancellationToken.Register(() => write.Done.TrySetCanceled(cancellationToken));
        try
        {
            await _queue!.Writer.WriteAsync(write, cancellationToken);
        }
        catch (ChannelClosedException e)
        {
            throw new ObjectDisposedException($"The SQLite store at {_directory} was disposed while this batch waited; it was not written.", e);
        }

        return await write.Done.Task;
    }

    /// <summary>Fails what can be failed without the database (empty id, older than retention) and sorts the rest by day.</summary>
    private PendingWrite Classify(IReadOnlyList<LogRecord> records)
    {
        var write = new PendingWrite(records);
        var oldestKept = OldestKeptDay();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var day = DayFiles.DayOf(record.Timestamp);
            if (string.IsNullOrEmpty(record.Id))
            {
                write.Outcomes[i] = new WriteOutcome(WriteStatus.Failed, $"record {i} has an empty id.");
            }
            else if (day < oldestKept)
            {
                write.Outcomes[i] = new WriteOutcome(
                    WriteStatus.Failed,
                    $"event {record.Id} is from {day:yyyy-MM-dd}, older than the retention window ({_options.RetentionDays} days); not stored.");
            }
            else
            {
                write.Keys[i] = IdKey.Of(record.Id);
                if (!write.ByDay.TryGetValue(day, out var indexes))
                {
                    write.ByDay[day] = indexes = [];
                }

                indexes.Add(i);
            }
        }

        return write;
    }

    /// <summary>
    /// Deletes whole days older than <see cref="SqliteStoreOptions.RetentionDays"/>, then the oldest days while the
    /// files take more than <see cref="SqliteStoreOptions.MaxTotalBytes"/> (the newest day is always kept).
    /// Returns the days deleted, oldest first.
    /// </summary>
    public IReadOnlyList<DateOnly> ApplyRetention()
    {
        if (_options.ReadOnly)
        {
            return [];
        }

        _writeLock.Wait();
        try
        {
            return ApplyRetentionLocked();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary><see cref="ApplyRetention"/> for a caller that holds the write lock (the writer, the constructor).</summary>
    private List<DateOnly> ApplyRetentionLocked()
    {
        var deleted = new List<DateOnly>();
        var days = DayFiles.List(_directory);
        days.Reverse();
        var oldestKept = OldestKeptDay();
        var total = days.Sum(d => SizeOf(DayFiles.PathOf(_directory, d)));
        foreach (var day in days)
        {
            var tooOld = day < oldestKept;
            var tooBig = _options.MaxTotalBytes is { } max && total > max && day != days[^1];
            if (!tooOld && !tooBig)
            {
                break;
            }

            var path = DayFiles.PathOf(_directory, day);
            total -= SizeOf(path);
            CloseWriter(day);
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionStrings.ReadOnly(path)));
            lock (_textLock)
            {
                // Under the text writer's lock, so that it cannot recreate the index of a day being deleted.
                CloseTextWriterLocked(day);
                DaySchema.DeleteWithSidecars(path);
                TextIndexFile.Delete(path);
            }

            deleted.Add(day);
        }

        return deleted;
    }

    private DateOnly OldestKeptDay() =>
        DayFiles.DayOf(_timeProvider.GetUtcNow()).AddDays(-_options.RetentionDays);

    private static long SizeOf(string path)
    {
        long size = 0;
        var text = TextIndexFile.PathOf(path);
        // A set-aside (damaged) index stays until its day is deleted: it takes space like the day's other files.
        foreach (var file in (string[])[path, path + "-wal", text, text + "-wal", TextIndexFile.SetAsidePathOf(path)])
        {
            var info = new FileInfo(file);
            size += info.Exists ? info.Length : 0;
        }

        return size;
    }

    private DayWriter WriterFor(DateOnly day)
    {
        var now = _timeProvider.GetUtcNow();
        if (!_writers.TryGetValue(day, out var writer))
        {
            if (_writers.Count >= MaxOpenWriters)
            {
                CloseWriter(_writers.MinBy(w => w.Value.LastUsed).Key);
            }

            if (!File.Exists(DayFiles.PathOf(_directory, day)))
            {
                // A new day: make room first, so that retention never deletes the file this write is about to use.
                ApplyRetentionLocked();
            }

            writer = new DayWriter(DayFiles.PathOf(_directory, day), _options.Durability, _options.SplitTextIndex);
            _writers[day] = writer;
        }

        writer.LastUsed = now;
        return writer;
    }

    private void CloseWriter(DateOnly day)
    {
        if (_writers.Remove(day, out var writer))
        {
            writer.Dispose();
        }
    }
}
