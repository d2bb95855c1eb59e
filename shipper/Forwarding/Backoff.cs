namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// Capped exponential backoff with jitter: attempt n waits a random time between half and all of
/// <c>min(cap, initial × 2^n)</c>; a server's <c>Retry-After</c> is honoured as a lower bound (capped too).
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan cap, Random random)
{
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var exponential = initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var ceiling = Math.Min(cap.TotalMilliseconds, exponential);
        var delay = ceiling * (0.5 + (random.NextDouble() * 0.5));
        if (retryAfter is { } after && after.TotalMilliseconds > delay)
        {
            delay = Math.Min(after.TotalMilliseconds, Math.Max(cap.TotalMilliseconds, 1000));
        }

        return TimeSpan.FromMilliseconds(delay);
    }
}
