namespace LogPipeline.Ingest.Tests.Detection;

/// <summary>A clock that only moves when the test says so.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
