namespace LogPipeline.Store.Sqlite;

/// <summary>Event times as stored: nanoseconds since the Unix epoch, UTC, in a 64-bit integer (good until 2262).</summary>
internal static class EventTime
{
    public static long ToNanos(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    public static DateTimeOffset FromNanos(long nanos) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (nanos / 100), TimeSpan.Zero);

    /// <summary>Clamps to the range the column can hold, for query bounds given as DateTimeOffset.MinValue/MaxValue.</summary>
    public static long ToNanosClamped(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return ticks >= long.MaxValue / 100 ? long.MaxValue : ticks <= long.MinValue / 100 ? long.MinValue : ticks * 100;
    }
}
