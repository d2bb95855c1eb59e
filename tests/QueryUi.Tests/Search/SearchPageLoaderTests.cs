using LogPipeline.QueryUi.Search;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Tests.Search;

public sealed class SearchPageLoaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LoadAsync_WithAggregates_ShowsTheHistogramSumAsTheExactTotalWithoutCountingHits()
    {
        var store = new RecordingStore
        {
            Search = new SearchResult { Total = 0, TotalIsLowerBound = true, Hits = [] },
            Histogram = new HistogramResult { Interval = TimeSpan.FromHours(1), Buckets = [new(Now.AddHours(-2), 150_000), new(Now.AddHours(-1), 7)] },
        };

        var page = await SearchPageLoader.LoadAsync(new SearchState { Q = "status:404", From = "now-24h", Field = "host.name" }, store, Now, 100, withAggregates: true, CancellationToken.None);

        Assert.Null(page.Error);
        Assert.Equal(150_007, page.Result!.Total);
        Assert.False(page.Result.TotalIsLowerBound);
        Assert.Equal(0, Assert.Single(store.Calls.OfType<SearchRequest>()).TotalCap);
        Assert.Single(store.Calls.OfType<HistogramRequest>());
        Assert.Equal("web1", Assert.Single(page.Top!.Values).Value);
    }

    [Fact]
    public async Task LoadAsync_RowsOnly_KeepsTheStoreCountAndSkipsTheAggregates()
    {
        var store = new RecordingStore { Search = new SearchResult { Total = 100_000, TotalIsLowerBound = true, Hits = [] } };

        var page = await SearchPageLoader.LoadAsync(new SearchState { From = "now-24h" }, store, Now, 100, withAggregates: false, CancellationToken.None);

        Assert.Equal(100_000, page.Result!.Total);
        Assert.True(page.Result.TotalIsLowerBound);
        Assert.Equal(new SearchRequest { From = Now, To = Now }.TotalCap, Assert.Single(store.Calls.OfType<SearchRequest>()).TotalCap);
        Assert.Single(store.Calls);
    }
}
