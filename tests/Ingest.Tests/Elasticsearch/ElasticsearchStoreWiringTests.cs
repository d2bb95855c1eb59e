using System.Net;
using System.Text.Json.Nodes;
using LogPipeline.Ingest.Tests.Endpoints;

namespace LogPipeline.Ingest.Tests.Elasticsearch;

public sealed class ElasticsearchStoreWiringTests
{
    [Fact]
    public async Task Ingest_WithStoreElasticsearch_WritesParsedEventsThroughBulkCreateAndCountsResends()
    {
        await using var es = await FakeElasticsearch.StartAsync();
        var settings = Path.Combine(Path.GetTempPath(), $"ingest-es-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settings, new JsonObject
        {
            ["Ingest"] = new JsonObject { ["Store"] = "elasticsearch", ["Elasticsearch"] = new JsonObject { ["Urls"] = new JsonArray(es.Url) } },
        }.ToJsonString());
        await using var host = await IngestHost.StartAsync("--config", settings);
        var line = $"192.0.2.8 - - [{TimeProvider.System.GetUtcNow():dd/MMM/yyyy:HH:mm:ss} +0000] \"GET /es HTTP/1.1\" 200 9 \"-\" \"t\"";
        var batch = new JsonObject { ["id"] = "es1", ["host"] = "web9", ["dataset"] = "apache.access", ["message"] = line }.ToJsonString() + "\n";

        using var first = await host.PostBatchAsync(IngestHost.Gzip(batch));
        using var second = await host.PostBatchAsync(IngestHost.Gzip(batch));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["accepted"]!);
        Assert.Equal(1, (int)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["duplicates"]!);
        var stored = Assert.Single(es.Documents);
        Assert.Equal("es1", stored.Key);
        Assert.Equal("/es", (string?)stored.Value["url"]!["path"]);
        Assert.Contains(es.Requests, r => r.StartsWith("PUT /_index_template/", StringComparison.Ordinal));
    }
}
