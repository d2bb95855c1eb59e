using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    /// <summary>A day part at least this long is counted from the per-minute counts kept for the day and filter.</summary>
    private const long MinutesFromNanos = 6 * 60 * MinuteCounts.MinuteNanos;

    private readonly MinuteCounts _minuteCounts = new();

    /// <summary>
    /// Adds one day's matching events in <paramref name="range"/> to their buckets. When the buckets are whole minutes,
    /// the whole minutes inside the range come from the day file's <c>minutes</c> table for a query on host, dataset
    /// and status only (<see cref="MinuteTable"/>), else, when the range covers a long part of the day, from
    /// <see cref="MinuteCounts"/>; only the partial minutes at its ends are read from the day's rows.
    /// </summary>
    private void CountDay(SqliteConnection connection, DateOnly day, TimeRange range, SqlFilter filter, BucketGrid grid, long[] counts)
    {
        if (DaySpan.Of(day, range) is not { } span)
        {
            return;
        }

        var minuteBuckets = grid.WidthNanos % MinuteCounts.MinuteNanos == 0 && span.HasWholeMinutes;
        var perMinute = minuteBuckets ? MinuteTable.TryRead(connection, filter, span.FirstMinute, span.EndMinute) : null;
        if (perMinute is null && (!minuteBuckets || (span.EndMinute - span.FirstMinute) * MinuteCounts.MinuteNanos < MinutesFromNanos))
        {
            CountRange(connection, day, new TimeRange(span.Low, span.High), filter, grid, counts);
            return;
        }

        perMinute ??= _minuteCounts.Get(connection, day, filter, span.FirstMinute, span.EndMinute);
        for (var minute = span.FirstMinute; minute < span.EndMinute; minute++)
        {
            counts[grid.IndexOf(span.DayStart + (minute * MinuteCounts.MinuteNanos))] += perMinute[minute];
        }

        foreach (var end in span.Ends)
        {
            CountRange(connection, day, end, filter, grid, counts);
        }
    }

    /// <summary>Adds the matching events of one day file in <paramref name="range"/> to their buckets, grouped in SQL.</summary>
    private static void CountRange(SqliteConnection connection, DateOnly day, TimeRange range, SqlFilter filter, BucketGrid grid, long[] counts)
    {
        var dayRange = range.For(day);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT (ts - $origin) / $width, count(*) FROM events WHERE {dayRange.Sql} AND ({filter.Where}) GROUP BY 1";
        Bind(command, dayRange, filter);
        command.Parameters.AddWithValue("$origin", grid.OriginNanos);
        command.Parameters.AddWithValue("$width", grid.WidthNanos);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetInt64(0)] += reader.GetInt64(1);
        }
    }

    /// <summary>
    /// Runs <paramref name="visit"/> on each day file of [from, to) concurrently (at most one per core), each on its own
    /// read connection; the first failure or the cancellation is what the returned task throws.
    /// </summary>
    private async Task ForEachDayConcurrentlyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken, Action<DateOnly, SqliteConnection> visit)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var days = DayFiles.InRange(_directory, from, to);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(days, options, (day, token) =>
        {
            VisitDay(day, token, (d, connection) =>
            {
                visit(d, connection);
                return true;
            });
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Histogram buckets as nanosecond arithmetic: bucket i starts at origin + i × width.</summary>
    private readonly record struct BucketGrid(long OriginNanos, long WidthNanos)
    {
        public long IndexOf(long nanos) => (nanos - OriginNanos) / WidthNanos;
    }
}
