using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LogPipeline.Ingest.Tests.Endpoints;

public sealed class StatusEndpointTests : IAsyncLifetime
{
    private IngestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_Heartbeat_KeepsTheLatestPerHostWithReceivedAt()
    {
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("""{"host":"web1","files":[{"path":"/a.log","lag_bytes":5}]}"""));
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("""{"host":"web1","files":[{"path":"/a.log","lag_bytes":0}]}"""));

        var saved = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_host.DataDir, "hosts", "web1.json")))!;
        Assert.Equal(0, (int)saved["files"]![0]!["lag_bytes"]!);
        Assert.NotNull((string?)saved["received_at"]);
    }

    [Theory]
    [InlineData("""{"host":"../../etc/passwd"}""")]
    [InlineData("""{"files":[]}""")]
    [InlineData("""not json""")]
    public async Task Post_BadReport_Is400AndWritesNothing(string body)
    {
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(body));
        Assert.False(Directory.Exists(Path.Combine(_host.DataDir, "hosts")) && Directory.EnumerateFiles(Path.Combine(_host.DataDir, "hosts")).Any());
    }

    private async Task<HttpStatusCode> PostAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/status") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IngestHost.Token);
        using var response = await _host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
