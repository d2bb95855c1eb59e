namespace LogPipeline.Store;

/// <summary>
/// Reads events back: the same answers whichever store is underneath. Query text and field names that do not parse
/// throw <see cref="QuerySyntaxException"/> (the message names the problem and its position): turn it into a 400.
/// </summary>
public interface ILogSearch
{
    /// <summary>Hits newest first, with the total and a cursor to the next page.</summary>
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>Matching events per time bucket, every bucket of the range included.</summary>
    Task<HistogramResult> HistogramAsync(HistogramRequest request, CancellationToken cancellationToken);

    /// <summary>The most frequent values of a field over all matching events, with counts.</summary>
    Task<TopValuesResult> TopValuesAsync(TopValuesRequest request, CancellationToken cancellationToken);

    /// <summary>How many distinct values a field takes over the matching events.</summary>
    Task<DistinctCountResult> DistinctCountAsync(DistinctCountRequest request, CancellationToken cancellationToken);

    /// <summary>N events before and after one event, from the same host and file.</summary>
    Task<SurroundingResult> SurroundingAsync(SurroundingRequest request, CancellationToken cancellationToken);

    /// <summary>Per host that has matching events: their count, the count since RecentFrom, the newest time; by host name.</summary>
    Task<IReadOnlyList<HostActivity>> HostActivityAsync(HostActivityRequest request, CancellationToken cancellationToken);
}
