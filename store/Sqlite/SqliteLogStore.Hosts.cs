namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    /// <summary>One GROUP BY host per day file (day files concurrently), merged: counts, recent counts and the newest time.</summary>
    public async Task<IReadOnlyList<HostActivity>> HostActivityAsync(HostActivityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = SqliteFilterCompiler.Compile(request.Query);
        var range = TimeRange.Of(request.From, request.To);
        var recent = EventTime.ToNanosClamped(request.RecentFrom);
        var hosts = new Dictionary<string, (long Events, long Recent, long Newest)>(StringComparer.Ordinal);
        await ForEachDayConcurrentlyAsync(request.From, request.To, cancellationToken, (day, connection) =>
        {
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
                var host = reader.GetString(0);
                lock (hosts)
                {
                    var seen = hosts.GetValueOrDefault(host, (0, 0, long.MinValue));
                    hosts[host] = (seen.Events + reader.GetInt64(1), seen.Recent + reader.GetInt64(2), Math.Max(seen.Newest, reader.GetInt64(3)));
                }
            }
        });

        return hosts.OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => new HostActivity(h.Key, h.Value.Events, h.Value.Recent, EventTime.FromNanos(h.Value.Newest)))
            .ToList();
    }
}
