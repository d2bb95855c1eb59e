using LogPipeline.Store;

namespace LogPipeline.Ingest.Observability;

/// <summary>Readiness: the store answers a one-event search of the last minute. Works for every store.</summary>
internal sealed class StoreProbe
{
    private readonly ILogSearch _search;
    private readonly TimeProvider _time;

    public StoreProbe(ILogSearch search, TimeProvider time)
    {
        _search = search;
        _time = time;
    }

    /// <summary>Null when the store is ready, otherwise what went wrong.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await _search.SearchAsync(new SearchRequest { From = now.AddMinutes(-1), To = now, Size = 1, TotalCap = 1 }, timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer within 5 s";
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Data.Common.DbException or HttpRequestException)
        {
            return e.Message;
        }
    }
}
