using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// A time range [FromNanos, ToNanos) as a SQL condition on <c>ts</c> (<c>$from</c>, <c>$to</c>). For a day file that
/// lies wholly inside the range the condition is dropped (<see cref="WholeDay"/>), so that counts and filters need
/// not read <c>ts</c> at all.
/// </summary>
internal readonly record struct TimeRange(long FromNanos, long ToNanos, bool WholeDay = false)
{
    public string Sql => WholeDay ? "1" : "ts >= $from AND ts < $to";

    public static TimeRange Of(DateTimeOffset from, DateTimeOffset to) => new(EventTime.ToNanosClamped(from), EventTime.ToNanosClamped(to));

    /// <summary>This range as seen from one day file.</summary>
    public TimeRange For(DateOnly day)
    {
        var start = EventTime.ToNanos(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var end = EventTime.ToNanos(new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return this with { WholeDay = FromNanos <= start && ToNanos >= end };
    }

    public void Bind(SqliteCommand command)
    {
        if (!WholeDay)
        {
            command.Parameters.AddWithValue("$from", FromNanos);
            command.Parameters.AddWithValue("$to", ToNanos);
        }
    }
}
