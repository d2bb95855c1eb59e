using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    /// <summary>
    /// Per host, merged over the day files (read concurrently): counts, recent counts and the newest time. The whole
    /// minutes of a day are counted from the day file's <c>minutes</c> table for a query on host, dataset and status only
    /// (<see cref="MinuteTable"/>; the newest time is then read from the host's newest minute), else, for a long part of
    /// a day, from the per-host minute counts kept for that day and query (<see cref="MinuteCounts"/>); partial minutes
    /// and the recent window are read from the day file, grouped by host.
    /// </summary>
    public async Task<IReadOnlyList<HostActivity>> HostActivityAsync(HostActivityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = SqliteFilterCompiler.Compile(request.Query);
        var range = TimeRange.Of(request.From, request.To);
        var recent = EventTime.ToNanosClamped(request.RecentFrom);
        var hosts = new Dictionary<string, (long Events, long Recent, long Newest)>(StringComparer.Ordinal);
        void Add(string host, long events, long recentEvents, long newest)
        {
            lock (hosts)
            {
                var seen = hosts.GetValueOrDefault(host, (0, 0, long.MinValue));
                hosts[host] = (seen.Events + events, seen.Recent + recentEvents, Math.Max(seen.Newest, newest));
            }
        }

        await ForEachDayConcurrentlyAsync(request.From, request.To, cancellationToken, (day, connection) =>
        {
            if (DaySpan.Of(day, range) is not { } span)
            {
                return;
            }

            if ((span.HasWholeMinutes ? MinuteTable.TryReadHosts(connection, filter, span.FirstMinute, span.EndMinute) : null) is { } fromTable)
            {
                foreach (var (host, events, newestMinute) in fromTable)
                {
                    Add(host, events, 0, NewestIn(connection, filter, host, span.DayStart + (newestMinute * MinuteCounts.MinuteNanos)));
                }

                foreach (var part in span.Ends)
                {
                    ReadActivity(connection, day, part, filter, long.MaxValue, Add);
                }

                ReadActivity(connection, day, new TimeRange(Math.Max(recent, span.Low), span.High), filter, long.MinValue, (host, _, inWindow, _) => Add(host, 0, inWindow, long.MinValue));
                return;
            }

            var dayStart = EventTime.ToNanos(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            var low = Math.Max(range.FromNanos, dayStart);
            var high = Math.Min(range.ToNanos, dayStart + (MinuteCounts.PerDay * MinuteCounts.MinuteNanos));
            var first = (low - dayStart + MinuteCounts.MinuteNanos - 1) / MinuteCounts.MinuteNanos;
            var end = (high - dayStart) / MinuteCounts.MinuteNanos;
            var perHost = (end - first) * MinuteCounts.MinuteNanos >= MinutesFromNanos ? _minuteCounts.GetByHost(connection, day, filter, first, end) : null;
            if (perHost is null || perHost.Values.Any(g => g.Newest >= high))
            {
                ReadActivity(connection, day, new TimeRange(low, high), filter, recent, Add);
                return;
            }

            foreach (var (host, group) in perHost.Where(g => g.Value.Newest >= low))
            {
                Add(host, group.Counts.AsSpan((int)first, (int)(end - first)).ToArray().Sum(), 0, group.Newest);
            }

            var inner = new TimeRange(dayStart + (first * MinuteCounts.MinuteNanos), dayStart + (end * MinuteCounts.MinuteNanos));
            ReadActivity(connection, day, new TimeRange(low, inner.FromNanos), filter, long.MaxValue, Add);
            ReadActivity(connection, day, new TimeRange(inner.ToNanos, high), filter, long.MaxValue, Add);
            ReadActivity(connection, day, new TimeRange(Math.Max(recent, low), high), filter, long.MinValue, (host, _, inWindow, _) => Add(host, 0, inWindow, long.MinValue));
        });

        return hosts.OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => new HostActivity(h.Key, h.Value.Events, h.Value.Recent, EventTime.FromNanos(h.Value.Newest)))
            .ToList();
    }

    /// <summary>The newest time of the host's matching events in the minute from <paramref name="minuteStart"/> (which holds some).</summary>
    private static long NewestIn(SqliteConnection connection, SqlFilter filter, string host, long minuteStart)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT max(ts) FROM events WHERE ts >= $from AND ts < $to AND host = $host COLLATE BINARY AND ({filter.Where})";
        command.Parameters.AddWithValue("$from", minuteStart);
        command.Parameters.AddWithValue("$to", minuteStart + MinuteCounts.MinuteNanos);
        command.Parameters.AddWithValue("$host", host);
        filter.Bind(command);
        return command.ExecuteScalar() is long newest ? newest : long.MinValue;
    }

    /// <summary>One GROUP BY host over <paramref name="range"/> of a day file: count, count from <paramref name="recent"/> on, newest.</summary>
    private static void ReadActivity(SqliteConnection connection, DateOnly day, TimeRange range, SqlFilter filter, long recent, Action<string, long, long, long> add)
    {
        if (range.FromNanos >= range.ToNanos)
        {
            return;
        }

        var dayRange = range.For(day);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT host, count(*), sum(ts >= $recent), max(ts) FROM events
            WHERE {dayRange.Sql} AND ({filter.Where}) AND host IS NOT NULL GROUP BY host COLLATE BINARY
            """;
        Bind(command, dayRange, filter);
        command.Parameters.AddWithValue("$recent", recent);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            add(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }
    }
}
