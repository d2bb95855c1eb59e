using System.Net;
using LogPipeline.QueryUi.Components.Search;
using LogPipeline.QueryUi.Search;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Tests.Components;

public sealed class SearchComponentTests
{
    private const string Agent = "<script>alert('x')</script>";
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 3, 10, 0, TimeSpan.Zero);

    [Fact]
    public async Task HitRows_ScriptInALogField_IsEncodedText()
    {
        var json = """{"@timestamp":"2026-11-22T03:10:00Z","host":{"name":"app2"},"message":"GET /","user_agent":{"original":"AGENT"}}""";
        var hit = HitView.From(new SearchHit("id1", T0, json.Replace("AGENT", Agent, StringComparison.Ordinal)));
        var state = new SearchState { Columns = ["host.name", "user_agent.original"] };

        var html = await ComponentRenderer.RenderAsync<HitRows>(new() { ["Hits"] = new[] { hit }, ["State"] = state, ["Zone"] = DisplayZone.Utc });

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-22 03:10:00.000 +00:00", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("data-detail=\"/search/detail?id=id1&amp;ts=2026-11-22T03%3A10%3A00.0000000Z&amp;cols=host.name,user_agent.original\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HitDetail_EveryFieldEncodedWithFilterLinksAndSurrounding()
    {
        var json = """{"@timestamp":"2026-11-22T03:10:00Z","host":{"name":"app2"},"event":{"original":"RAW"},"user_agent":{"original":"AGENT"}}""";
        var hit = HitView.From(new SearchHit("id1", T0, json.Replace("AGENT", Agent, StringComparison.Ordinal).Replace("RAW", "raw line", StringComparison.Ordinal)));

        var html = await ComponentRenderer.RenderAsync<HitDetail>(new() { ["Hit"] = hit, ["State"] = new SearchState(), ["Zone"] = DisplayZone.Utc });

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"raw\">raw line</pre>", html, StringComparison.Ordinal);
        Assert.Contains("/surrounding?id=id1&amp;ts=2026-11-22T03%3A10%3A00.0000000Z&amp;tz=UTC", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=host.name%3A%22app2%22\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryBar_SyntaxError_ShowsTheMessageAndACaretAtItsPosition()
    {
        var data = new SearchPageData { State = new SearchState { Q = "status:(404 OR" }, Zone = DisplayZone.Utc, Error = "expected a value", ErrorPosition = 14 };

        var html = await ComponentRenderer.RenderAsync<QueryBar>(new() { ["Data"] = data });

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("status:(404 OR\n" + new string(' ', 14) + "^ position 14", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Histogram_EachBucketIsABarLinkingToItsZoomedRange()
    {
        var histogram = new HistogramResult
        {
            Interval = TimeSpan.FromMinutes(1),
            Buckets = [new HistogramBucket(T0, 3), new HistogramBucket(T0.AddMinutes(1), 0), new HistogramBucket(T0.AddMinutes(2), 7)],
        };
        var data = new SearchPageData { State = new SearchState { Q = "xmlrpc" }, Zone = DisplayZone.Utc, Histogram = histogram };

        var html = await ComponentRenderer.RenderAsync<Histogram>(new() { ["Data"] = data });

        Assert.Equal(3, html.Split("class=\"bar\"").Length - 1);
        Assert.Contains("href=\"/search?q=xmlrpc&amp;from=2026-11-22T03%3A12%3A00.0000000Z&amp;to=2026-11-22T03%3A13%3A00.0000000Z\"", html, StringComparison.Ordinal);
        Assert.Contains("7 max per 1 min", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldSidebar_OpenField_ListsTopValuesWithFilterLinks()
    {
        var data = new SearchPageData
        {
            State = new SearchState { Q = "status:404", Field = "host.name" },
            Zone = DisplayZone.Utc,
            FieldsPresent = ["host.name", "message"],
            Top = new TopValuesResult { Field = "host.name", Values = [new TopValue("web1", 12), new TopValue("app2", 3)], DistinctCount = 2 },
        };

        var html = await ComponentRenderer.RenderAsync<FieldSidebar>(new() { ["Data"] = data });

        Assert.Contains("href=\"/search?q=(status%3A404)%20AND%20host.name%3A%22web1%22&amp;field=host.name\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=(status%3A404)%20AND%20NOT%20host.name%3A%22app2%22&amp;field=host.name\"", html, StringComparison.Ordinal);
        Assert.Contains("2 distinct", html, StringComparison.Ordinal);
    }
}
