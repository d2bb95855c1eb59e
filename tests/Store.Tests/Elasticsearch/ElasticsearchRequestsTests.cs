using System.Text.Json.Nodes;
using LogPipeline.Store.Elasticsearch;

namespace LogPipeline.Store.Tests.Elasticsearch;

public sealed class ElasticsearchRequestsTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Search_WithCursor_FiltersRangeSortsByTimeAndIdAndPagesAfterTheCursor()
    {
        var cursor = ElasticsearchRequests.Cursor(new JsonArray(1_763_596_800_000_000_000L, "abc"));

        var body = ElasticsearchRequests.Search(new SearchRequest { Query = "status:404", From = From, To = From.AddDays(1), Size = 20, Cursor = cursor, TotalCap = 5000 });

        AssertJson(
            """
            {"query":{"bool":{"filter":[{"term":{"http.response.status_code":{"value":404}}},
              {"range":{"@timestamp":{"gte":"2026-11-20T00:00:00.000Z","lt":"2026-11-21T00:00:00.000Z","format":"strict_date_optional_time"}}}]}},
             "size":21,"track_total_hits":5000,
             "sort":[{"@timestamp":{"order":"desc"}},{"event.id":{"order":"desc"}}],
             "search_after":[1763596800000000000,"abc"]}
            """,
            body);
    }

    [Theory]
    [InlineData("s1.1.2")]
    [InlineData("e1.not-base64!")]
    [InlineData("e1.eyJhIjoxfQ")]
    public void ParseCursor_NotIssuedByThisStore_ThrowsQuerySyntaxException(string cursor)
    {
        Assert.Throws<QuerySyntaxException>(() => ElasticsearchRequests.ParseCursor(cursor));
    }

    [Fact]
    public void Histogram_HourInterval_AsksForEveryBucketOfTheRange()
    {
        var body = ElasticsearchRequests.Histogram(new HistogramRequest { From = From.AddMinutes(30), To = From.AddHours(3) }, TimeSpan.FromHours(1));

        AssertJson(
            """
            {"date_histogram":{"field":"@timestamp","fixed_interval":"3600000ms","min_doc_count":0,"format":"strict_date_optional_time",
              "extended_bounds":{"min":"2026-11-20T00:00:00.000Z","max":"2026-11-20T02:00:00.000Z"}}}
            """,
            body["aggs"]!["histogram"]!);
        Assert.Equal(0, (int)body["size"]!);
    }

    [Fact]
    public void TopValues_Alias_AggregatesTheCanonicalFieldWithDistinctCount()
    {
        var body = ElasticsearchRequests.TopValues(new TopValuesRequest { Field = "ip", Size = 10, From = From, To = From.AddDays(7) });

        AssertJson(
            """
            {"top":{"terms":{"field":"source.ip","size":10,"shard_size":1000,"order":[{"_count":"desc"},{"_key":"asc"}]}},
             "distinct":{"cardinality":{"field":"source.ip","precision_threshold":40000}}}
            """,
            body["aggs"]!);
    }

    [Fact]
    public void HostActivity_EveryHost_AggregatesNewestTimeAndRecentCountPerHost()
    {
        var body = ElasticsearchRequests.HostActivity(new HostActivityRequest { From = From, To = From.AddDays(1), RecentFrom = From.AddHours(23).AddMinutes(55) });

        AssertJson(
            """
            {"hosts":{"terms":{"field":"host.name","size":10000,"order":{"_key":"asc"}},
             "aggs":{"newest":{"max":{"field":"@timestamp"}},
                     "recent":{"filter":{"range":{"@timestamp":{"gte":"2026-11-20T23:55:00.000Z","format":"strict_date_optional_time"}}}}}}}
            """,
            body["aggs"]!);
        Assert.Equal(0, (int)body["size"]!);
    }

    [Fact]
    public void SurroundingNeighbours_Before_FiltersHostAndFileAndSortsNewestFirstAfterTheAnchor()
    {
        var body = ElasticsearchRequests.SurroundingNeighbours("web1", null, new JsonArray(5L, "x"), 10, before: true);

        AssertJson(
            """
            {"size":10,"query":{"bool":{"filter":[{"term":{"host.name":"web1"}}],"must_not":[{"exists":{"field":"log.file.path"}}]}},
             "sort":[{"@timestamp":{"order":"desc"}},{"event.id":{"order":"desc"}}],"search_after":[5,"x"]}
            """,
            body);
    }

    [Fact]
    public void IndexTemplate_MessageAndUrlText_UseTheWordsAnalyzer()
    {
        var template = ElasticsearchMapping.IndexTemplate("logpipeline-*");

        var properties = template["template"]!["mappings"]!["properties"]!;
        Assert.Equal("logpipeline_words", (string)properties["message"]!["analyzer"]!);
        Assert.Equal("logpipeline_words", (string)properties["url.original"]!["fields"]!["text"]!["analyzer"]!);
    }

    private static void AssertJson(string expected, JsonNode actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual.ToJsonString());
        Assert.True(JsonNode.DeepEquals(e, a), $"expected {e!.ToJsonString()}\n  actual {a!.ToJsonString()}");
    }
}
