namespace LogPipeline.Store;

/// <summary>One bucket: its start (UTC, a multiple of the interval since the Unix epoch) and how many events fall in it.</summary>
public sealed record HistogramBucket(DateTimeOffset Start, long Count);

/// <summary>Every bucket from the one holding From to the one holding To minus a tick, empty ones included.</summary>
public sealed record HistogramResult
{
    public required TimeSpan Interval { get; init; }

    public required IReadOnlyList<HistogramBucket> Buckets { get; init; }

    /// <summary>The sum of the bucket counts: the exact number of matching events in the range.</summary>
    public long Total => Buckets.Sum(b => b.Count);
}
