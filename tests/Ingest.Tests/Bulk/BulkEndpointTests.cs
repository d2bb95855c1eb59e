using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LogPipeline.Ingest.Tests.Endpoints;

namespace LogPipeline.Ingest.Tests.Bulk;

public sealed class BulkEndpointTests : IAsyncLifetime
{
    private IngestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Root_AnswersAsElasticsearch8WithTheProductHeader()
    {
        using var response = await _host.Client.GetAsync("/");

        Assert.Equal("Elasticsearch", response.Headers.GetValues("X-Elastic-Product").Single());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("8.", (string?)body["version"]!["number"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_MixedItems_AnswersEachInOrder()
    {
        const string Body = """
            {"create":{"_index":"logs-app-default","_id":"c1"}}
            {"message":"first","labels":{"team":"web"},"ids":[1,2]}
            {"index":{"_index":"logs-app-default","_id":"c1"}}
            {"message":"same id again"}
            {"create":{"_index":"logs-app-default","_id":"c1"}}
            {"message":"same id, create"}
            {"delete":{"_index":"logs-app-default","_id":"c1"}}
            {"create":{"_index":"logs-app-default"}}
            "not an object"

            """;

        var body = await PostAsync("/_bulk", Body, HttpStatusCode.OK);

        Assert.True((bool)body["errors"]!);
        var items = body["items"]!.AsArray();
        Assert.Equal([201, 200, 409, 400, 400], items.Select(i => (int)i!.AsObject().Single().Value!["status"]!));
        Assert.Equal("noop", (string?)items[1]!["index"]!["result"]);
        Assert.Equal("version_conflict_engine_exception", (string?)items[2]!["create"]!["error"]!["type"]);
    }

    [Fact]
    public async Task Bulk_IndexInPath_IsUsedAndMessageParsedByDataset()
    {
        var line = $"192.0.2.1 - - [{TimeProvider.System.GetUtcNow():dd/MMM/yyyy:HH:mm:ss} +0000] \\\"GET /x HTTP/1.1\\\" 200 5 \\\"-\\\" \\\"t\\\"";
        var body = await PostAsync("/apache.access/_bulk", $"{{\"create\":{{}}}}\n{{\"message\":\"{line}\"}}\n", HttpStatusCode.OK);

        Assert.False((bool)body["errors"]!);
        Assert.Equal("apache.access", (string?)body["items"]![0]!["create"]!["_index"]);
    }

    [Theory]
    [InlineData("{\"create\":\n", "line 1")]
    [InlineData("{\"upsert\":{}}\n{}\n", "unknown action 'upsert'")]
    [InlineData("{\"create\":{\"_index\":\"a\"}}\n", "no source line")]
    [InlineData("{\"create\":{}}\n{}\n", "no _index")]
    public async Task Bulk_MalformedRequest_Is400SayingWhy(string payload, string expected)
    {
        var body = await PostAsync("/_bulk", payload, HttpStatusCode.BadRequest);

        Assert.Contains(expected, (string)body["error"]!["reason"]!, StringComparison.Ordinal);
    }

    private async Task<JsonNode> PostAsync(string path, string payload, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(payload, Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + IngestHost.Token)));
        using var response = await _host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
