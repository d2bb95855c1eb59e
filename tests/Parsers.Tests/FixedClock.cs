namespace LogPipeline.Parsers.Tests;

/// <summary>A clock stopped at one instant, so year-less syslog stamps land in a known year.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
