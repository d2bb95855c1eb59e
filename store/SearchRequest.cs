namespace LogPipeline.Store;

/// <summary>A search: query text in the store's query language, a time range [From, To), a page size and a cursor.</summary>
public sealed record SearchRequest : QueryScope
{
    public int Size { get; init; } = 50;

    /// <summary>Opaque cursor from a previous <see cref="SearchResult.NextCursor"/>; null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Totals are counted exactly up to this many, then reported as a lower bound.</summary>
    public long TotalCap { get; init; } = 100_000;
}
