using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The writer's side of a day file's <c>minutes</c> table: the events one write group STORED (duplicates and failures
/// are never added), counted in memory per minute of the day and (host, dataset, status), then added to the table with
/// one UPSERT per distinct key inside the group's transaction, so the table is exact and commits or rolls back with the
/// rows. <c>key</c> tells the three values apart exactly (case and null included: the filter columns beside it compare
/// as the <c>events</c> columns do, host without case, and cannot be a primary key as they hold nulls).
/// </summary>
internal sealed class MinuteSummary : IDisposable
{
    private readonly Dictionary<(long Minute, string? Host, string? Dataset, long? Status), long> _counts = [];
    private readonly PreparedStatement _upsert;

    public MinuteSummary(SqliteConnection connection) =>
        _upsert = new PreparedStatement(connection, """
            INSERT INTO minutes(minute, key, host, dataset, status, n) VALUES(?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT(minute, key) DO UPDATE SET n = n + excluded.n;
            """);

    /// <summary>The minute of its day (0 to 1439) that an event's time falls in, as the readers compute it from <c>ts</c>.</summary>
    public static long MinuteOf(DateTimeOffset timestamp)
    {
        var day = DayFiles.DayOf(timestamp);
        var dayStart = EventTime.ToNanos(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return (EventTime.ToNanos(timestamp) - dayStart) / MinuteCounts.MinuteNanos;
    }

    /// <summary>Forgets what a previous group added but did not write (its transaction failed).</summary>
    public void Clear() => _counts.Clear();

    /// <summary>Counts one stored event.</summary>
    public void Add(LogRecord record)
    {
        var key = (MinuteOf(record.Timestamp), record.Host, record.Dataset, (long?)record.Status);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Adds the group's counts to the table in the transaction the connection has open, then forgets them.</summary>
    public void Write()
    {
        foreach (var ((minute, host, dataset, status), n) in _counts)
        {
            _upsert.Bind(1, minute);
            _upsert.Bind(2, KeyOf(host, dataset, status));
            _upsert.Bind(3, host);
            _upsert.Bind(4, dataset);
            _upsert.Bind(5, status);
            _upsert.Bind(6, n);
            _upsert.Step();
        }

        _counts.Clear();
    }

    public void Dispose() => _upsert.Dispose();

    /// <summary>Each value length-prefixed ("-" for none): distinct triples always give distinct keys.</summary>
    private static string KeyOf(string? host, string? dataset, long? status) =>
        string.Create(CultureInfo.InvariantCulture, $"{Part(host)}{Part(dataset)}{status?.ToString(CultureInfo.InvariantCulture) ?? "-"}");

    private static string Part(string? value) =>
        value is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{value.Length}:{value}");
}
