using System.Text.Json.Nodes;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Elasticsearch;

public sealed class ElasticsearchAnalyticsTests : IDisposable
{
    private const string SearchRoute = "POST /logs-*-default/_search";
    private readonly EsHarness _es = new();

    public void Dispose() => _es.Dispose();

    [Fact]
    public async Task HistogramAsync_Buckets_AreReadFromTheDateHistogramKeys()
    {
        var day = Events.Day0.ToUnixTimeMilliseconds();
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Aggregations(new JsonObject
        {
            ["histogram"] = new JsonObject
            {
                ["buckets"] = new JsonArray(
                    new JsonObject { ["key_as_string"] = "2026-11-20T00:00:00.000Z", ["key"] = day, ["doc_count"] = 3 },
                    new JsonObject { ["key_as_string"] = "2026-11-20T01:00:00.000Z", ["key"] = day + 3_600_000, ["doc_count"] = 0 }),
            },
        }));

        var result = await _es.Store.HistogramAsync(
            new HistogramRequest { From = Events.Day0, To = Events.Day0.AddHours(2), Interval = TimeSpan.FromHours(1) }, CancellationToken.None);

        Assert.Equal([new HistogramBucket(Events.Day0, 3), new HistogramBucket(Events.Day0.AddHours(1), 0)], result.Buckets);
        var sent = JsonNode.Parse(Assert.Single(_es.Cluster.Requests).Body)!;
        Assert.Equal("3600000ms", (string?)sent["aggs"]!["histogram"]!["date_histogram"]!["fixed_interval"]);
    }

    [Fact]
    public async Task HostActivityAsync_Buckets_AreReadWithNewestTimeAndRecentCount()
    {
        var newest = Events.Day0.AddMinutes(59);
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Aggregations(new JsonObject
        {
            ["hosts"] = new JsonObject
            {
                ["buckets"] = new JsonArray(new JsonObject
                {
                    ["key"] = "web1",
                    ["doc_count"] = 120,
                    ["newest"] = new JsonObject { ["value"] = (double)newest.ToUnixTimeMilliseconds(), ["value_as_string"] = "2026-11-20T00:59:00.000Z" },
                    ["recent"] = new JsonObject { ["doc_count"] = 7 },
                }),
            },
        }));

        var result = await _es.Store.HostActivityAsync(
            new HostActivityRequest { From = Events.Day0, To = Events.Day0.AddHours(1), RecentFrom = Events.Day0.AddMinutes(55) }, CancellationToken.None);

        Assert.Equal([new HostActivity("web1", 120, 7, newest)], result);
        Assert.Single(_es.Cluster.Requests);
    }

    [Fact]
    public async Task HistogramAsync_IntervalGivingTooManyBuckets_ThrowsWithoutAsking()
    {
        var request = new HistogramRequest { From = Events.Day0, To = Events.Day0.AddDays(30), Interval = TimeSpan.FromSeconds(1) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _es.Store.HistogramAsync(request, CancellationToken.None));
        Assert.Empty(_es.Cluster.Requests);
    }

    [Fact]
    public async Task TopValuesAsync_TermsAndCardinality_GiveValuesOthersAndDistinct()
    {
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Aggregations(new JsonObject
        {
            ["top"] = new JsonObject
            {
                ["doc_count_error_upper_bound"] = 0,
                ["sum_other_doc_count"] = 7,
                ["buckets"] = new JsonArray(
                    new JsonObject { ["key"] = 404, ["doc_count"] = 20 },
                    new JsonObject { ["key"] = 200, ["doc_count"] = 11 }),
            },
            ["distinct"] = new JsonObject { ["value"] = 5 },
        }));

        var result = await _es.Store.TopValuesAsync(
            new TopValuesRequest { Field = "status", Size = 2, From = Events.Day0, To = Events.Day0.AddDays(1) }, CancellationToken.None);

        Assert.Equal("http.response.status_code", result.Field);
        Assert.Equal([new TopValue("404", 20), new TopValue("200", 11)], result.Values);
        Assert.Equal((7L, 5L), (result.OtherCount, result.DistinctCount));
    }

    [Fact]
    public async Task DistinctCountAsync_Cardinality_IsReportedAsAnEstimate()
    {
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Aggregations(new JsonObject { ["distinct"] = new JsonObject { ["value"] = 1234 } }));

        var result = await _es.Store.DistinctCountAsync(
            new DistinctCountRequest { Field = "ip", From = Events.Day0, To = Events.Day0.AddDays(1) }, CancellationToken.None);

        Assert.Equal(new DistinctCountResult("source.ip", 1234, IsExact: false), result);
    }

    [Fact]
    public async Task SurroundingAsync_Anchor_AsksForNeighboursOfItsHostAndFileAndReturnsThemOldestFirst()
    {
        var events = Events.Minutes(Events.Day0, 5, "s");
        _es.Cluster
            .Then(SearchRoute, 200, EsResponses.Search(1, "eq", events[2]))
            .Then(SearchRoute, 200, EsResponses.Search(2, "eq", events[1], events[0]))
            .Then(SearchRoute, 200, EsResponses.Search(2, "eq", events[3], events[4]));

        var result = await _es.Store.SurroundingAsync(new SurroundingRequest { Id = "s0002", Before = 2, After = 2 }, CancellationToken.None);

        Assert.Equal("s0002", result.Anchor?.Id);
        Assert.Equal(["s0000", "s0001"], result.Before.Select(h => h.Id));
        Assert.Equal(["s0003", "s0004"], result.After.Select(h => h.Id));
        var before = JsonNode.Parse(_es.Cluster.Requests[1].Body)!;
        Assert.Equal("web1", (string?)before["query"]!["bool"]!["filter"]![0]!["term"]!["host.name"]);
        Assert.Equal("/var/log/apache2/access.log", (string?)before["query"]!["bool"]!["filter"]![1]!["term"]!["log.file.path"]);
        Assert.Equal($"""[{EsResponses.Nanos(events[2].Timestamp)},"s0002"]""", before["search_after"]!.ToJsonString());
        Assert.Equal("asc", (string?)JsonNode.Parse(_es.Cluster.Requests[2].Body)!["sort"]![0]!["@timestamp"]!["order"]);
    }

    [Fact]
    public async Task SurroundingAsync_UnknownId_ReturnsNoAnchorAfterOneRequest()
    {
        _es.Cluster.Then(SearchRoute, 200, EsResponses.Search(0, "eq"));

        var result = await _es.Store.SurroundingAsync(new SurroundingRequest { Id = "nope" }, CancellationToken.None);

        Assert.Null(result.Anchor);
        Assert.Single(_es.Cluster.Requests);
    }
}
