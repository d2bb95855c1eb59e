using System.Globalization;
using LogPipeline.Store.Query;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The readers' side of a day file's <c>minutes</c> table (<see cref="MinuteSummary"/>): per-minute counts for a query
/// that only looks at host, dataset and status. Such a query compiles to SQL over the <c>host</c>, <c>dataset</c> and
/// <c>status</c> columns alone, which the table has with the same types and collations as <c>events</c>, so the same
/// condition picks the same events' counts: the sum is exact, whatever the query-ui process has seen before.
/// </summary>
internal static class MinuteTable
{
    private static readonly HashSet<string> Columns = new(StringComparer.Ordinal) { "host", "dataset", "status" };
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { QueryFields.HostName, QueryFields.Dataset, QueryFields.Status };

    /// <summary>
    /// True when <paramref name="query"/> only matches all, or compares host, dataset or status (terms, ranges, exists,
    /// combined with AND, OR and NOT): the queries whose condition the table can evaluate.
    /// </summary>
    public static bool Covers(QueryNode query) => query switch
    {
        MatchAllNode => true,
        TermNode term => term.Field is { } field && Fields.Contains(field),
        RangeNode range => Fields.Contains(range.Field),
        ExistsNode exists => Fields.Contains(exists.Field),
        NotNode not => Covers(not.Child),
        AndNode and => and.Children.All(Covers),
        OrNode or => or.Children.All(Covers),
        _ => false,
    };

    /// <summary>
    /// The day's counts per minute of the day for <paramref name="filter"/> in minutes [from, to), or null when the
    /// filter is not one the table can answer or the day file has no table (it is then counted from its rows).
    /// </summary>
    public static long[]? TryRead(SqliteConnection connection, SqlFilter filter, long from, long to)
    {
        if (!filter.OnlyMinuteColumns || !DaySchema.HasMinutes(connection))
        {
            return null;
        }

        var counts = new long[MinuteCounts.PerDay];
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT minute, sum(n) FROM minutes WHERE minute >= $from AND minute < $to AND ({filter.Where}) GROUP BY minute";
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        filter.Bind(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>
    /// Per host (case kept, events without a host left out): the events of <paramref name="filter"/> in minutes
    /// [from, to) and the newest of those minutes that has some; null when the table cannot answer.
    /// </summary>
    public static List<(string Host, long Events, long NewestMinute)>? TryReadHosts(SqliteConnection connection, SqlFilter filter, long from, long to)
    {
        if (!filter.OnlyMinuteColumns || !DaySchema.HasMinutes(connection))
        {
            return null;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT host, sum(n), max(minute) FROM minutes WHERE minute >= $from AND minute < $to AND ({filter.Where}) AND host IS NOT NULL
            GROUP BY host COLLATE BINARY
            """;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        filter.Bind(command);
        using var reader = command.ExecuteReader();
        var hosts = new List<(string, long, long)>();
        while (reader.Read())
        {
            hosts.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return hosts;
    }

    /// <summary>
    /// Adds the events of <paramref name="filter"/> in minutes [from, to) per value of <paramref name="column"/> (values
    /// told apart by case, nulls left out, as top values count rows) to <paramref name="counts"/>; false, adding
    /// nothing, when the column is not host, dataset or status, the filter is not one the table can answer, or the day
    /// file has no table.
    /// </summary>
    public static bool TryReadValues(SqliteConnection connection, SqlFilter filter, string column, long from, long to, Dictionary<string, long> counts)
    {
        if (!Columns.Contains(column) || !filter.OnlyMinuteColumns || !DaySchema.HasMinutes(connection))
        {
            return false;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {column}, sum(n) FROM minutes WHERE minute >= $from AND minute < $to AND ({filter.Where}) AND {column} IS NOT NULL
            GROUP BY {column} COLLATE BINARY
            """;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        filter.Bind(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? string.Empty;
            counts[key] = counts.GetValueOrDefault(key) + reader.GetInt64(1);
        }

        return true;
    }
}
