using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    /// <summary>
    /// Per host, merged over the day files (read concurrently): counts, recent counts and the newest time. A long
    /// part of a day is counted from the per-host minute counts kept for that day and query (<see cref="MinuteCounts"/>);
    /// its partial minutes and the recent window are read from the day file, grouped by host.
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
