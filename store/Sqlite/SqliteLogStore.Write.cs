using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    private const int MaxOpenWriters = 3;

    /// <summary>
    /// Writes the batch: records are grouped by the UTC day of their own timestamp (so a re-sent event always lands in
    /// the same day file and its id is found there), one transaction per day. Returns once every transaction has
    /// committed. Records older than the retention window are refused (they would be deleted at once).
    /// </summary>
    public async Task<WriteResult> WriteAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (_options.ReadOnly)
        {
            throw new InvalidOperationException(
                $"The SQLite store at {_directory} was opened read-only (SqliteStoreOptions.ReadOnly); only the ingest service writes.");
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var outcomes = new WriteOutcome[records.Count];
            var oldestKept = OldestKeptDay();
            var byDay = new SortedDictionary<DateOnly, List<int>>();
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var day = DayFiles.DayOf(record.Timestamp);
                if (string.IsNullOrEmpty(record.Id))
                {
                    outcomes[i] = new WriteOutcome(WriteStatus.Failed, $"record {i} has an empty id.");
                }
                else if (day < oldestKept)
                {
                    outcomes[i] = new WriteOutcome(
                        WriteStatus.Failed,
                        $"event {record.Id} is from {day:yyyy-MM-dd}, older than the retention window ({_options.RetentionDays} days); not stored.");
                }
                else
                {
                    if (!byDay.TryGetValue(day, out var indexes))
                    {
                        byDay[day] = indexes = [];
                    }

                    indexes.Add(i);
                }
            }

            foreach (var (day, indexes) in byDay)
            {
                cancellationToken.ThrowIfCancellationRequested();
                WriterFor(day).Write(records, indexes, outcomes);
            }

            return new WriteResult(outcomes);
        }
        finally
        {
            _writeLock.Release();
        }
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
            DaySchema.DeleteWithSidecars(path);
            deleted.Add(day);
        }

        return deleted;
    }

    private DateOnly OldestKeptDay() =>
        DayFiles.DayOf(_timeProvider.GetUtcNow()).AddDays(-_options.RetentionDays);

    private static long SizeOf(string path)
    {
        long size = 0;
        foreach (var file in (string[])[path, path + "-wal"])
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
                ApplyRetention();
            }

            writer = new DayWriter(DayFiles.PathOf(_directory, day), _options.Durability);
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
