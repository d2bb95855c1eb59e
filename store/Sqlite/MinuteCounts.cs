using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// Per-minute counts of the events of one day file that match one filter — in all, or per host with the newest time
/// per host — over a span of minutes of the day, kept in memory and brought up to date incrementally. Rows are only
/// ever appended to a day file (no update, no per-row delete; retention deletes whole files), and with a single
/// writer a row's rowid is the day's highest at its commit: so the rows with rowid at most M are exactly those
/// committed when M was the highest, and an entry counted for M plus the rows with rowid above M is the exact count
/// now. A span asked for beyond the entry's is counted for the same M and joined to it, so a first read costs what
/// reading its range directly would. A day file deleted and created again is told apart by the id of its first row.
/// </summary>
internal sealed class MinuteCounts
{
    public const int PerDay = 24 * 60;
    public const long MinuteNanos = 60_000_000_000;

    /// <summary>The most day × group series kept (11.5 KB each: about 24 MB), least recently used dropped first.</summary>
    private const int MaxSeries = 2048;

    /// <summary>
    /// Hosts beyond which a day's per-host counts are not kept (host names come from the senders' documents, so their
    /// number is not ours to bound); the caller then groups the rows directly, which needs no per-minute arrays.
    /// </summary>
    public const int MaxHosts = 256;
    private readonly ConcurrentDictionary<(DateOnly Day, string Filter, bool ByHost), Entry> _entries = new();
    private long _clock;

    /// <summary>The day's counts per minute of the day for <paramref name="filter"/>, exact as of this call for minutes [from, to).</summary>
    public long[] Get(SqliteConnection connection, DateOnly day, SqlFilter filter, long from, long to) =>
        Get(connection, day, filter, byHost: false, from, to)?.GetValueOrDefault(string.Empty)?.Counts ?? new long[PerDay];

    /// <summary>
    /// As <see cref="Get(SqliteConnection, DateOnly, SqlFilter, long, long)"/>, per host (events without a host left
    /// out), with each host's newest time in the minutes counted (which may reach beyond [from, to)). Null when the
    /// day has more than <see cref="MaxHosts"/> hosts in those minutes.
    /// </summary>
    public IReadOnlyDictionary<string, Group>? GetByHost(SqliteConnection connection, DateOnly day, SqlFilter filter, long from, long to) =>
        Get(connection, day, filter, byHost: true, from, to);

    private Dictionary<string, Group>? Get(SqliteConnection connection, DateOnly day, SqlFilter filter, bool byHost, long from, long to)
    {
        var key = (day, KeyOf(filter), byHost);
        var maxRowId = Scalar(connection, "SELECT max(rowid) FROM events") is long max ? max : 0;
        var firstId = Scalar(connection, "SELECT id FROM events ORDER BY rowid LIMIT 1") as string;
        var query = new Counter(connection, filter, byHost, EventTime.ToNanos(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        Entry entry;
        if (_entries.TryGetValue(key, out var cached) && cached.FirstId == firstId && cached.MaxRowId <= maxRowId && cached.From <= to && from <= cached.To)
        {
            var groups = Copy(cached.Groups);
            var (low, high) = (Math.Min(from, cached.From), Math.Max(to, cached.To));
            if (!query.Count(groups, from, cached.From, cached.MaxRowId) || !query.Count(groups, cached.To, to, cached.MaxRowId)
                || !query.CountNew(groups, low, high, cached.MaxRowId, maxRowId))
            {
                _entries.TryRemove(key, out _);
                return null;
            }

            entry = new Entry(firstId, maxRowId, low, high, groups);
        }
        else
        {
            var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
            if (!query.Count(groups, from, to, maxRowId))
            {
                return null;
            }

            entry = new Entry(firstId, maxRowId, from, to, groups);
        }

        entry.LastUsed = Interlocked.Increment(ref _clock);
        _entries[key] = entry;
        Evict();
        return entry.Groups;
    }

    private static Dictionary<string, Group> Copy(Dictionary<string, Group> groups) =>
        groups.ToDictionary(g => g.Key, g => g.Value with { Counts = (long[])g.Value.Counts.Clone() }, StringComparer.Ordinal);

    private void Evict()
    {
        while (_entries.Count > 1 && _entries.Values.Sum(e => Math.Max(1, e.Groups.Count)) > MaxSeries)
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

    /// <summary>One group's counts per minute of the day and the time (nanoseconds) of its newest event counted.</summary>
    public sealed record Group(long[] Counts, long Newest);

    private sealed record Entry(string? FirstId, long MaxRowId, long From, long To, Dictionary<string, Group> Groups)
    {
        public long LastUsed { get; set; }
    }

    /// <summary>Counts matching rows of one day file per (group, minute) into a dictionary.</summary>
    private readonly record struct Counter(SqliteConnection Connection, SqlFilter Filter, bool ByHost, long DayStart)
    {
        /// <summary>The rows with rowid at most <paramref name="maxRowId"/> in minutes [from, to): the planner may use the filter's indexes.</summary>
        public bool Count(Dictionary<string, Group> groups, long from, long to, long maxRowId) =>
            Run(groups, from, to, $"+rowid <= $max AND {Span(from, to)} AND ({Filter.Where})", 0, maxRowId);

        /// <summary>The rows in (after, maxRowId] in minutes [from, to), walked by rowid: "+(…)" keeps the filter (a text match is "rowid IN (…)") from steering it.</summary>
        public bool CountNew(Dictionary<string, Group> groups, long from, long to, long after, long maxRowId) =>
            Run(groups, from, to, $"rowid > $after AND rowid <= $max AND +({Span(from, to)} AND ({Filter.Where}))", after, maxRowId);

        /// <summary>
        /// The time condition of minutes [from, to): none for the whole day, so that a filter no index serves reads the
        /// table in order instead of looking up every row of the day from the time index.
        /// </summary>
        private static string Span(long from, long to) => from == 0 && to == PerDay ? "1" : "ts >= $from AND ts < $to";

        /// <summary>False (and counting stopped) when a per-host count would pass <see cref="MaxHosts"/> hosts.</summary>
        private bool Run(Dictionary<string, Group> groups, long from, long to, string where, long after, long maxRowId)
        {
            if (from >= to || (after > 0 && after >= maxRowId))
            {
                return true;
            }

            using var command = Connection.CreateCommand();
            var (group, groupBy) = ByHost ? ("host", "host COLLATE BINARY") : ("''", "1");
            var source = after > 0 ? "events NOT INDEXED" : "events";
            command.CommandText = $"""
                SELECT {group}, (ts - $day) / {MinuteNanos}, count(*), max(ts) FROM {source}
                WHERE {where} AND {group} IS NOT NULL GROUP BY {groupBy}, 2
                """;
            command.Parameters.AddWithValue("$day", DayStart);
            command.Parameters.AddWithValue("$from", DayStart + (from * MinuteNanos));
            command.Parameters.AddWithValue("$to", DayStart + (to * MinuteNanos));
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$max", maxRowId);
            Filter.Bind(command);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (!groups.TryGetValue(name, out var seen))
                {
                    if (groups.Count >= MaxHosts)
                    {
                        return false;
                    }

                    seen = new Group(new long[PerDay], long.MinValue);
                }

                seen.Counts[reader.GetInt64(1)] += reader.GetInt64(2);
                groups[name] = seen with { Newest = Math.Max(seen.Newest, reader.GetInt64(3)) };
            }

            return true;
        }
    }
}
