namespace LogPipeline.Store;

/// <summary>How many different values one field takes over the matching events.</summary>
public sealed record DistinctCountRequest : QueryScope
{
    /// <summary>A field name or alias.</summary>
    public required string Field { get; init; }
}
