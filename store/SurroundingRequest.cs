namespace LogPipeline.Store;

/// <summary>The events logged just before and after one event, from the same host and file.</summary>
public sealed record SurroundingRequest
{
    public required string Id { get; init; }

    /// <summary>The event's time if known (from the hit): finds it without looking through every day.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public int Before { get; init; } = 10;

    public int After { get; init; } = 10;
}
