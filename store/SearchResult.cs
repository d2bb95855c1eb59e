namespace LogPipeline.Store;

/// <summary>One stored event returned by a search.</summary>
public sealed record SearchHit(string Id, DateTimeOffset Timestamp, string DocumentJson);

/// <summary>A page of hits, newest first.</summary>
public sealed record SearchResult
{
    public required long Total { get; init; }

    /// <summary>True when <see cref="Total"/> reached the cap and more events match.</summary>
    public bool TotalIsLowerBound { get; init; }

    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>Cursor for the next page, or null when there is none.</summary>
    public string? NextCursor { get; init; }
}
