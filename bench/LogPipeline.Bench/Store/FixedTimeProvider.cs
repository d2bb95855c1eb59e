namespace LogPipeline.Bench.Store;

/// <summary>A clock stopped at the end of the generated data, so that retention never touches it.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
