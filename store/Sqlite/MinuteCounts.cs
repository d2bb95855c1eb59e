using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// Per-minute counts of the events of one day file that match one filter — in all, or per host — with the newest
/// time per host, kept in memory and brought up to date incrementally. Rows are only ever appended to a day file (no update, no per-row delete; retention deletes whole
/// files), and with a single writer a row's rowid is the day's highest at its commit: so the rows with rowid at most
/// M are exactly those committed when M was the highest, and a cached entry for M plus the rows with rowid above M is
/// the exact count now. A day file deleted and created again is told apart by the id of its first row.
/// </summary>
internal sealed class MinuteCounts
{
    public const int PerDay = 24 * 60;
    public const long MinuteNanos = 60_000_000_000;
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<(DateOnly Day, string Filter, bool ByHost), Entry> _entries = new();
    private long _clock;

    /// <summary>
    /// The day's counts per minute of the day for <paramref name="filter"/>, exact as of this call; null when a row's
    /// time lies outside its day (the caller then counts the range directly).
    /// </summary>
    public long[]? Get(SqliteConnection connection, DateOnly day, SqlFilter filter) =>
        Get(connection, day, filter, byHost: false) is { } groups ? groups.GetValueOrDefault(string.Empty)?.Counts ?? new long[PerDay] : null;

    /// <summary>As <see cref="Get(SqliteConnection, DateOnly, SqlFilter)"/>, per host (events without a host are left out).</summary>
    public IReadOnlyDictionary<string, Group>? GetByHost(SqliteConnection connection, DateOnly day, SqlFilter filter) =>
        Get(connection, day, filter, byHost: true);

    private Dictionary<string, Group>? Get(SqliteConnection connection, DateOnly day, SqlFilter filter, bool byHost)
    {
        var key = (day, KeyOf(filter), byHost);
        var maxRowId = Scalar(connection, "SELECT max(rowid) FROM events") is long max ? max : 0;
        var firstId = Scalar(connection, "SELECT id FROM events ORDER BY rowid LIMIT 1") as string;
        var dayStart = EventTime.ToNanos(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        Entry? entry = null;
        if (_entries.TryGetValue(key, out var cached) && cached.FirstId == firstId && cached.MaxRowId <= maxRowId)
        {
            entry = cached.MaxRowId == maxRowId ? cached : Add(cached, connection, filter, byHost, dayStart, maxRowId, incremental: true);
        }
        else
        {
            entry = Add(new Entry(firstId, 0, []), connection, filter, byHost, dayStart, maxRowId, incremental: false);
        }

        if (entry is null)
        {
            return null;
        }

        entry.LastUsed = Interlocked.Increment(ref _clock);
        _entries[key] = entry;
        Evict();
        return entry.Groups;
    }

    /// <summary>
    /// Counts rows in (from.MaxRowId, maxRowId] into a copy of <paramref name="from"/>. The first build lets the planner
    /// use the filter's indexes (<c>+rowid</c> keeps the bound from steering it to a table scan); an update walks the
    /// new rows by rowid and checks the filter on each.
    /// </summary>
    private static Entry? Add(Entry from, SqliteConnection connection, SqlFilter filter, bool byHost, long dayStart, long maxRowId, bool incremental)
    {
        using var command = connection.CreateCommand();
        var source = incremental ? "events NOT INDEXED" : ReferenceEquals(filter, SqlFilter.All) && !byHost ? "events INDEXED BY events_ts" : "events";
        // An update must walk only the new rows: "+(…)" keeps the filter (a text match is "rowid IN (…)") from steering it.
        var where = incremental ? $"rowid > $after AND rowid <= $max AND +({filter.Where})" : $"+rowid <= $max AND ({filter.Where})";
        var (group, groupBy) = byHost ? ("host", "host COLLATE BINARY") : ("''", "1");
        command.CommandText = $"""
            SELECT {group}, (ts - $day) / {MinuteNanos}, count(*), min(ts) < $day, max(ts) FROM {source}
            WHERE {where} AND {group} IS NOT NULL GROUP BY {groupBy}, 2
            """;
        command.Parameters.AddWithValue("$day", dayStart);
        command.Parameters.AddWithValue("$after", from.MaxRowId);
        command.Parameters.AddWithValue("$max", maxRowId);
        filter.Bind(command);
        var groups = from.Groups.ToDictionary(g => g.Key, g => g.Value with { Counts = (long[])g.Value.Counts.Clone() }, StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var minute = reader.GetInt64(1);
            if (minute is < 0 or >= PerDay || reader.GetInt64(3) != 0)
            {
                return null;
            }

            var name = reader.GetString(0);
            var seen = groups.GetValueOrDefault(name) ?? new Group(new long[PerDay], long.MinValue);
            seen.Counts[minute] += reader.GetInt64(2);
            groups[name] = seen with { Newest = Math.Max(seen.Newest, reader.GetInt64(4)) };
        }

        return new Entry(from.FirstId, maxRowId, groups);
    }

    private void Evict()
    {
        while (_entries.Count > MaxEntries)
        {
            var oldest = _entries.MinBy(e => e.Value.LastUsed);
            _entries.TryRemove(oldest);
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is var value and not DBNull ? value : null;
    }

    /// <summary>The filter's SQL and its parameter values with their types: equal keys compile to equal conditions.</summary>
    private static string KeyOf(SqlFilter filter) =>
        filter.Where + "\u0001" + string.Join('\u0002', filter.Parameters.Select(p => p.GetType().Name + ":" + Convert.ToString(p, CultureInfo.InvariantCulture)));

    /// <summary>One group's counts per minute of the day and the time (nanoseconds) of its newest event in the day.</summary>
    public sealed record Group(long[] Counts, long Newest);

    private sealed record Entry(string? FirstId, long MaxRowId, Dictionary<string, Group> Groups)
    {
        public long LastUsed { get; set; }
    }
}
