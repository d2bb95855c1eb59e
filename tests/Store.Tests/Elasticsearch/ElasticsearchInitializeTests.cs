using LogPipeline.Store.Elasticsearch;

namespace LogPipeline.Store.Tests.Elasticsearch;

public sealed class ElasticsearchInitializeTests : IDisposable
{
    private readonly EsHarness _es = new();

    public void Dispose() => _es.Dispose();

    [Fact]
    public async Task InitializeAsync_Version8_ChecksClusterThenPutsComponentAndDataStreamTemplates()
    {
        var info = await _es.Store.InitializeAsync(CancellationToken.None);

        Assert.Equal(
            ["GET /", "PUT /_component_template/logpipeline-ecs%40mappings", "PUT /_index_template/logpipeline-logs-default"],
            _es.Cluster.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        EsHarness.AssertSameJson(EsHarness.Golden("component-template.json"), _es.Cluster.Requests[1].Body);
        EsHarness.AssertSameJson(EsHarness.Golden("index-template-data-stream.json"), _es.Cluster.Requests[2].Body);
        Assert.Equal(("logpipeline-test", "8.15.3", "logs-*-default"), (info.ClusterName, info.Version, info.WritesTo));
    }

    [Fact]
    public async Task InitializeAsync_DailyIndices_PutsTemplateWithoutDataStream()
    {
        using var es = new EsHarness(o => o.DailyIndices = true);

        await es.Store.InitializeAsync(CancellationToken.None);

        var put = Assert.Single(es.Cluster.Requests, r => r.PathAndQuery.StartsWith("/_index_template/"));
        Assert.Equal("/_index_template/logpipeline-logs-default-daily", put.PathAndQuery);
        EsHarness.AssertSameJson(EsHarness.Golden("index-template-daily.json"), put.Body);
    }

    [Fact]
    public async Task InitializeAsync_CalledTwice_TalksToTheClusterOnce()
    {
        await _es.Store.InitializeAsync(CancellationToken.None);
        await _es.Store.InitializeAsync(CancellationToken.None);

        Assert.Equal(3, _es.Cluster.Requests.Count);
    }

    [Theory]
    [InlineData("7.17.24", null, "Elasticsearch 7.17.24")]
    [InlineData("2.17.1", "opensearch", "opensearch 2.17.1")]
    public async Task InitializeAsync_NotElasticsearch8_ThrowsNamingWhatRuns(string version, string? distribution, string expected)
    {
        _es.Cluster.Always("GET /", 200, EsResponses.Root(version, distribution));

        var error = await Assert.ThrowsAsync<ElasticsearchStoreException>(() => _es.Store.InitializeAsync(CancellationToken.None));

        Assert.Contains(expected, error.Message);
        Assert.Contains("needs Elasticsearch 8.0 or later", error.Message);
        Assert.DoesNotContain(_es.Cluster.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task InitializeAsync_CredentialsRefused_ThrowsWithHintAndDoesNotRetry()
    {
        _es.Cluster.Always("GET /", 401, EsResponses.Unauthorized);

        var error = await Assert.ThrowsAsync<ElasticsearchStoreException>(() => _es.Store.InitializeAsync(CancellationToken.None));

        Assert.Contains("HTTP 401 from http://es1.test:9200: security_exception", error.Message);
        Assert.Contains("Username/Password or ApiKey", error.Message);
        Assert.Single(_es.Cluster.Requests);
    }

    [Fact]
    public async Task InitializeAsync_ClusterUnavailableThenUp_RetriesWithGrowingWaits()
    {
        _es.Cluster.Then("GET /", 503, EsResponses.Unavailable).Then("GET /", 503, EsResponses.Unavailable);

        await _es.Store.InitializeAsync(CancellationToken.None);

        Assert.Equal(3, _es.Cluster.Requests.Count(r => r.PathAndQuery == "/"));
        Assert.Equal(2, _es.Waits.Count);
        Assert.InRange(_es.Waits[0], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        Assert.InRange(_es.Waits[1], TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task InitializeAsync_NotAnElasticsearchAnswer_ThrowsPointingAtUrls()
    {
        _es.Cluster.Always("GET /", 200, "<html>proxy login</html>");

        var error = await Assert.ThrowsAsync<ElasticsearchStoreException>(() => _es.Store.InitializeAsync(CancellationToken.None));

        Assert.Contains("ElasticsearchStoreOptions.Urls", error.Message);
    }

    [Fact]
    public async Task InitializeAsync_ApiKey_SendsApiKeyAuthorization()
    {
        using var es = new EsHarness(o => (o.Username, o.Password, o.ApiKey) = (null, null, "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="));

        await es.Store.InitializeAsync(CancellationToken.None);

        Assert.All(es.Cluster.Requests, r => Assert.Equal("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", r.Authorization));
    }

    [Fact]
    public async Task InitializeAsync_BasicAuth_SendsBase64UserColonPassword()
    {
        await _es.Store.InitializeAsync(CancellationToken.None);

        Assert.All(_es.Cluster.Requests, r => Assert.Equal("Basic aW5nZXN0OnMzY3JldA==", r.Authorization));
    }
}
