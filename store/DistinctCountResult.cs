namespace LogPipeline.Store;

/// <summary>The number of distinct values; <see cref="IsExact"/> is false where a store can only estimate (Elasticsearch).</summary>
public sealed record DistinctCountResult(string Field, long Count, bool IsExact);
