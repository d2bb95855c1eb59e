namespace LogPipeline.Store.Tests.Elasticsearch;

public sealed class ElasticsearchAdminTests : IDisposable
{
    private readonly EsHarness _es = new();

    public void Dispose() => _es.Dispose();

    [Fact]
    public async Task DeleteAllAsync_DataStreams_ListsThenDeletesThemByNameAndTheTemplate()
    {
        _es.Cluster
            .Then("GET /_data_stream/logs-*-default", 200, """{"data_streams":[{"name":"logs-apache.access-default","timestamp_field":{"name":"@timestamp"}},{"name":"logs-haproxy.http-default","timestamp_field":{"name":"@timestamp"}}]}""")
            .Then("DELETE /_data_stream/logs-apache.access-default,logs-haproxy.http-default", 200, EsResponses.Acknowledged)
            .Then("DELETE /_index_template/logpipeline-logs-default", 200, EsResponses.Acknowledged);

        await _es.Store.DeleteAllAsync(CancellationToken.None);

        Assert.Equal(
        [
            "GET /_data_stream/logs-*-default?expand_wildcards=all",
            "DELETE /_data_stream/logs-apache.access-default,logs-haproxy.http-default",
            "DELETE /_index_template/logpipeline-logs-default",
        ],
            _es.Cluster.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task DeleteAllAsync_DailyIndicesNoneYet_DeletesOnlyTheTemplate()
    {
        using var es = new EsHarness(o => o.DailyIndices = true);
        es.Cluster
            .Then("GET /_cat/indices/logs-*-default-*", 200, "[]")
            .Then("DELETE /_index_template/logpipeline-logs-default-daily", 404, EsResponses.Error(404, "resource_not_found_exception", "index template matching [logpipeline-logs-default-daily] not found"));

        await es.Store.DeleteAllAsync(CancellationToken.None);

        Assert.Equal(2, es.Cluster.Requests.Count);
    }

    [Fact]
    public async Task RefreshAsync_RefreshesThePatternToleratingNoIndices()
    {
        _es.Cluster.Then("POST /logs-*-default/_refresh", 200, """{"_shards":{"total":2,"successful":1,"failed":0}}""");

        await _es.Store.RefreshAsync(CancellationToken.None);

        Assert.Equal("/logs-*-default/_refresh?ignore_unavailable=true&allow_no_indices=true", Assert.Single(_es.Cluster.Requests).PathAndQuery);
    }
}
