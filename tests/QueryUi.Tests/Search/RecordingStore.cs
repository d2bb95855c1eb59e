using LogPipeline.Store;

namespace LogPipeline.QueryUi.Tests.Search;

/// <summary>A hand-written <see cref="ILogSearch"/> that answers from fixed results and records every call it gets.</summary>
internal sealed class RecordingStore : ILogSearch
{
    public List<object> Calls { get; } = [];

    public SearchResult Search { get; init; } = new() { Total = 0, Hits = [] };

    public HistogramResult Histogram { get; init; } = new() { Interval = TimeSpan.FromMinutes(1), Buckets = [] };

    public IReadOnlyList<HostActivity> Hosts { get; init; } = [];

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken) => Answer(request, Search);

    public Task<HistogramResult> HistogramAsync(HistogramRequest request, CancellationToken cancellationToken) => Answer(request, Histogram);

    public Task<TopValuesResult> TopValuesAsync(TopValuesRequest request, CancellationToken cancellationToken) =>
        Answer(request, new TopValuesResult { Field = request.Field, Values = [new TopValue("web1", 3)], OtherCount = 0, DistinctCount = 1 });

    public Task<DistinctCountResult> DistinctCountAsync(DistinctCountRequest request, CancellationToken cancellationToken) =>
        Answer(request, new DistinctCountResult(request.Field, 1, IsExact: true));

    public Task<SurroundingResult> SurroundingAsync(SurroundingRequest request, CancellationToken cancellationToken) =>
        Answer(request, new SurroundingResult { Anchor = null, Before = [], After = [] });

    public Task<IReadOnlyList<HostActivity>> HostActivityAsync(HostActivityRequest request, CancellationToken cancellationToken) => Answer(request, Hosts);

    private Task<T> Answer<T>(object request, T result)
    {
        lock (Calls)
        {
            Calls.Add(request);
        }

        return Task.FromResult(result);
    }
}
