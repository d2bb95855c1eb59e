namespace LogPipeline.Store;

/// <summary>Reads events back: the same answers whichever store is underneath.</summary>
public interface ILogSearch
{
    /// <summary>Hits newest first, with the total and a cursor to the next page.</summary>
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}
