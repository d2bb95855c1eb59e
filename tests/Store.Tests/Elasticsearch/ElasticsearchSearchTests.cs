using System.Text.Json.Nodes;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Elasticsearch;

public sealed class ElasticsearchSearchTests : IDisposable
{
    private const string SearchRoute = "POST /logs-*-default/_search";
    private readonly EsHarness _es = new();

    public void Dispose() => _es.Dispose();

    private static SearchRequest Request(string query = "", int size = 2, string? cursor = null) => new()
    {
        Query = query,
        From = Events.Day0.AddDays(-1),
        To = Events.Day0.AddDays(3),
        Size = size,
        Cursor = cursor,
    };

    [Fact]
    public async Task SearchAsync_FirstPage_SendsDocumentedBodyToThePattern()
    {
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Search(0, "eq"));

        await _es.Store.SearchAsync(Request("wp-login") with { Size = 2 }, CancellationToken.None);

        var search = Assert.Single(_es.Cluster.Requests);
        Assert.Equal("/logs-*-default/_search?ignore_unavailable=true&allow_no_indices=true", search.PathAndQuery);
        EsHarness.AssertSameJson(EsHarness.Golden("search-first-page.json"), search.Body);
    }

    [Fact]
    public async Task SearchAsync_MoreHitsThanSize_ReturnsSizeHitsNewestFirstAndACursorThatBecomesSearchAfter()
    {
        var events = Events.Minutes(Events.Day0, 3);
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Search(3, "eq", events[2], events[1], events[0]));
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Search(3, "eq", events[0]));

        var first = await _es.Store.SearchAsync(Request(), CancellationToken.None);
        var second = await _es.Store.SearchAsync(Request(cursor: first.NextCursor), CancellationToken.None);

        Assert.Equal(["e0002", "e0001"], first.Hits.Select(h => h.Id));
        Assert.Equal(events[1].Timestamp, first.Hits[1].Timestamp);
        Assert.Equal((3, false), (first.Total, first.TotalIsLowerBound));
        var searchAfter = JsonNode.Parse(_es.Cluster.Requests[1].Body)!["search_after"]!;
        Assert.Equal("""[1795132860000000000,"e0001"]""", searchAfter.ToJsonString());
        Assert.Equal(["e0000"], second.Hits.Select(h => h.Id));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task SearchAsync_HitSource_IsReturnedAsTheDocument()
    {
        var e = Events.Access("a", Events.Day0.AddTicks(1234567), path: "/x");
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Search(1, "eq", e));

        var hit = Assert.Single((await _es.Store.SearchAsync(Request(), CancellationToken.None)).Hits);

        Assert.Equal(e.Timestamp, hit.Timestamp);
        EsHarness.AssertSameJson(e.DocumentJson, hit.DocumentJson);
    }

    [Fact]
    public async Task SearchAsync_TotalRelationGte_ReportsALowerBoundAtTheCap()
    {
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Search(10, "gte", Events.Minutes(Events.Day0, 1).ToArray()));

        var result = await _es.Store.SearchAsync(Request() with { TotalCap = 10 }, CancellationToken.None);

        Assert.Equal((10, true), (result.Total, result.TotalIsLowerBound));
        Assert.Equal(10, (int)JsonNode.Parse(Assert.Single(_es.Cluster.Requests).Body)!["track_total_hits"]!);
    }

    [Theory]
    [InlineData("s1.123.4")]
    [InlineData("e1.!!!")]
    [InlineData("e1.WzFd")]
    public async Task SearchAsync_ForeignCursor_ThrowsQuerySyntaxWithoutAsking(string cursor)
    {
        var error = await Assert.ThrowsAsync<QuerySyntaxException>(() => _es.Store.SearchAsync(Request(cursor: cursor), CancellationToken.None));

        Assert.Contains("drop it", error.Message);
        Assert.Empty(_es.Cluster.Requests);
    }

    [Fact]
    public async Task SearchAsync_ClusterRefusesQuery_ThrowsQuerySyntaxWithTheReason()
    {
        _es.Cluster.Then(SearchRoute, 400, EsResponses.Error(400, "search_phase_execution_exception", "all shards failed"));

        var error = await Assert.ThrowsAsync<QuerySyntaxException>(() => _es.Store.SearchAsync(Request("x"), CancellationToken.None));

        Assert.Contains("search_phase_execution_exception: all shards failed", error.Message);
    }

    [Fact]
    public async Task SearchAsync_QueryThatDoesNotParse_ThrowsWithPositionWithoutAsking()
    {
        var error = await Assert.ThrowsAsync<QuerySyntaxException>(() => _es.Store.SearchAsync(Request("status:abc"), CancellationToken.None));

        Assert.Equal(7, error.Position);
        Assert.Empty(_es.Cluster.Requests);
    }
}
