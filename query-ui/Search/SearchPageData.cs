using LogPipeline.Store;

namespace LogPipeline.QueryUi.Search;

/// <summary>What the search page renders: the state, the resolved range, and each widget's store answer (or the error).</summary>
public sealed record SearchPageData
{
    public required SearchState State { get; init; }

    public required DisplayZone Zone { get; init; }

    public string? Error { get; init; }

    /// <summary>Zero-based position of a query syntax error in <see cref="SearchState.Q"/>.</summary>
    public int? ErrorPosition { get; init; }

    public DateTimeOffset From { get; init; }

    public DateTimeOffset To { get; init; }

    public SearchResult? Result { get; init; }

    public IReadOnlyList<HitView> Hits { get; init; } = [];

    public HistogramResult? Histogram { get; init; }

    public TopValuesResult? Top { get; init; }

    /// <summary>Fields present in the hits of this page, common ones first.</summary>
    public IReadOnlyList<string> FieldsPresent { get; init; } = [];
}
