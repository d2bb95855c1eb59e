namespace LogPipeline.Store;

/// <summary>Counts of matching events per time bucket over [From, To).</summary>
public sealed record HistogramRequest : QueryScope
{
    /// <summary>Bucket width; null chooses one for the range (<see cref="HistogramIntervals.Choose"/>).</summary>
    public TimeSpan? Interval { get; init; }
}
