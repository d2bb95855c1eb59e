namespace LogPipeline.Store;

/// <summary>What every read looks at: the events matching the query text in the time range [From, To).</summary>
public abstract record QueryScope
{
    /// <summary>Query text in the query language; empty matches everything.</summary>
    public string Query { get; init; } = string.Empty;

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }
}
