namespace LogPipeline.Store;

/// <summary>Bucket widths a histogram uses, and the choice of one for a time range.</summary>
public static class HistogramIntervals
{
    public const int DefaultMaxBuckets = 120;

    /// <summary>The most buckets a histogram may have, whatever interval is asked for.</summary>
    public const int MaxBuckets = 10_000;

    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(30),
    ];

    /// <summary>The smallest standard width that covers [from, to) in at most <paramref name="maxBuckets"/> buckets.</summary>
    public static TimeSpan Choose(DateTimeOffset from, DateTimeOffset to, int maxBuckets = DefaultMaxBuckets)
    {
        var range = to - from;
        foreach (var step in Steps)
        {
            if (range.Ticks <= step.Ticks * (long)Math.Max(1, maxBuckets))
            {
                return step;
            }
        }

        return TimeSpan.FromTicks((range.Ticks / Math.Max(1, maxBuckets)) + 1);
    }

    /// <summary>The start of the bucket holding <paramref name="time"/>: buckets are aligned on the Unix epoch.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset time, TimeSpan interval)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var aligned = ticks - (((ticks % interval.Ticks) + interval.Ticks) % interval.Ticks);
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + aligned, TimeSpan.Zero);
    }
}
