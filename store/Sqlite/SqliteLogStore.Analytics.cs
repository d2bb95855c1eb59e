using System.Globalization;
using LogPipeline.Store.Query;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    private const int SqliteInterrupted = 9;

    /// <summary>
    /// Counts per bucket, every bucket of the range returned. Day files are counted concurrently; minute-aligned
    /// buckets over a long part of a day come from the per-minute counts kept for that day and filter
    /// (<see cref="MinuteCounts"/>), the rest straight from the day file.
    /// </summary>
    public async Task<HistogramResult> HistogramAsync(HistogramRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = SqliteFilterCompiler.Compile(request.Query);
        var interval = request.Interval ?? HistogramIntervals.Choose(request.From, request.To);
        var first = HistogramIntervals.BucketStart(request.From, interval);
        var buckets = request.To <= request.From ? 0 : ((request.To - first).Ticks + interval.Ticks - 1) / interval.Ticks;
        if (interval <= TimeSpan.Zero || buckets > HistogramIntervals.MaxBuckets)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"A {interval} interval gives {buckets} buckets; the limit is {HistogramIntervals.MaxBuckets}.");
        }

        var counts = new long[buckets];
        var grid = new BucketGrid(EventTime.ToNanos(first), interval.Ticks * 100);
        var range = TimeRange.Of(request.From, request.To);
        await ForEachDayConcurrentlyAsync(request.From, request.To, cancellationToken, (day, connection) =>
        {
            var local = new long[counts.Length];
            CountDay(connection, day, range, filter, grid, local);
            lock (counts)
            {
                for (var i = 0; i < local.Length; i++)
                {
                    counts[i] += local[i];
                }
            }
        });

        return new HistogramResult
        {
            Interval = interval,
            Buckets = counts.Select((count, i) => new HistogramBucket(first + (interval * i), count)).ToList(),
        };
    }

    /// <summary>Exact top values: every day file groups its matching events by the field, and the groups are summed.</summary>
    public Task<TopValuesResult> TopValuesAsync(TopValuesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Size, $"TopValuesRequest.Size must be between 1 and {MaxPageSize}.");
        }

        var (field, counts) = CountValues(request, request.Field, cancellationToken);
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(request.Size)
            .Select(c => new TopValue(c.Key, c.Value)).ToList();
        return Task.FromResult(new TopValuesResult
        {
            Field = field,
            Values = top,
            OtherCount = counts.Values.Sum() - top.Sum(t => t.Count),
            DistinctCount = counts.Count,
        });
    }

    /// <summary>Exact distinct count (the same grouping as top values).</summary>
    public Task<DistinctCountResult> DistinctCountAsync(DistinctCountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (field, counts) = CountValues(request, request.Field, cancellationToken);
        return Task.FromResult(new DistinctCountResult(field, counts.Count, IsExact: true));
    }

    private (string Field, Dictionary<string, long> Counts) CountValues(QueryScope scope, string fieldName, CancellationToken cancellationToken)
    {
        var field = AggregatableField(fieldName);
        var filter = SqliteFilterCompiler.Compile(scope.Query);
        var range = TimeRange.Of(scope.From, scope.To);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var column = SqliteColumns.ColumnOf(field);
        string Sql(TimeRange dayRange) => column is not null
            ? $"SELECT {column}, count(*) FROM events WHERE {dayRange.Sql} AND ({filter.Where}) AND {column} IS NOT NULL GROUP BY {column} COLLATE BINARY"
            : $"""
              SELECT j.value, count(DISTINCT e.rid) FROM (SELECT rowid AS rid, doc FROM events WHERE {dayRange.Sql} AND ({filter.Where})) AS e,
                     json_each(e.doc, $path) AS j
              WHERE j.type NOT IN ('object', 'array') GROUP BY j.value
              """;
        ForEachDay(scope.From, scope.To, cancellationToken, (day, connection) =>
        {
            // Whole minutes from the day's minutes table when it can answer (host, dataset or status under a query
            // on those alone), the partial minutes at the ends from the rows; else the whole range from the rows.
            var span = DaySpan.Of(day, range);
            var fromTable = column is not null && span is { HasWholeMinutes: true } whole
                && MinuteTable.TryReadValues(connection, filter, column, whole.FirstMinute, whole.EndMinute, counts);
            foreach (var dayRange in fromTable ? span!.Value.Ends.Select(r => r.For(day)) : [range.For(day)])
            {
                using var command = connection.CreateCommand();
                command.CommandText = Sql(dayRange);
                Bind(command, dayRange, filter);
                if (column is null)
                {
                    command.Parameters.AddWithValue("$path", SqliteColumns.JsonPath(field));
                }

                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var key = Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? string.Empty;
                    counts[key] = counts.GetValueOrDefault(key) + reader.GetInt64(1);
                }
            }

            return true;
        });

        return (field, counts);
    }

    private static string AggregatableField(string name)
    {
        var field = QueryFields.ResolveOrThrow(name);
        return field == QueryFields.Timestamp
            ? throw new QuerySyntaxException("@timestamp has a value per event: count it over time with the histogram instead.", 0)
            : field;
    }

    private static void Bind(SqliteCommand command, TimeRange range, SqlFilter filter)
    {
        range.Bind(command);
        filter.Bind(command);
    }

    /// <summary>
    /// Visits the day files that can hold events of [from, to), newest first, until <paramref name="visit"/> returns
    /// false. Cancellation interrupts a running statement (<c>sqlite3_interrupt</c>) and surfaces as
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    private void ForEachDay(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken, Func<DateOnly, SqliteConnection, bool> visit)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var day in DayFiles.InRange(_directory, from, to))
        {
            if (!VisitDay(day, cancellationToken, visit))
            {
                return;
            }
        }
    }

    /// <summary>Opens one day file (a deleted one is skipped: true) and runs <paramref name="visit"/> on it, cancellable.</summary>
    private bool VisitDay(DateOnly day, CancellationToken cancellationToken, Func<DateOnly, SqliteConnection, bool> visit)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader(day);
        if (connection is null)
        {
            return true;
        }

        using var interrupt = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        try
        {
            return visit(day, connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupted && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The search was cancelled.", e, cancellationToken);
        }
    }
}
