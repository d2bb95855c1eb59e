namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// Capped exponential backoff with jitter: retry n waits a random time in [d/2, d] where d = initial·2ⁿ⁻¹ capped at
/// max, so that many ingest nodes rejected together do not come back together.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, Random random)
{
    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan Delay(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponent = Math.Min(retry - 1, 30);
        var ceiling = Math.Min(initial.Ticks * (double)(1L << exponent), max.Ticks);
        var ticks = ceiling / 2 + random.NextDouble() * ceiling / 2;
        return TimeSpan.FromTicks((long)ticks);
    }
}
