using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LogPipeline.Store;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Ingest.Tests.Endpoints;

public sealed class BatchEndpointTests : IAsyncLifetime
{
    private IngestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestHost.StartAsync("--config", WriteSettings());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_ValidBatch_StoresEveryEventParsed()
    {
        using var response = await _host.PostBatchAsync(IngestHost.Gzip(Event("e1", AccessLine("203.0.113.5")) + Event("e2", "not an access line")));

        var body = await Json(response, HttpStatusCode.OK);
        Assert.Equal(2, (int)body["accepted"]!);
        var hits = await SearchAllAsync();
        var parsed = hits.Single(h => h.Id == "e1");
        Assert.Contains("\"ip\":\"203.0.113.5\"", parsed.DocumentJson, StringComparison.Ordinal);
        var failed = hits.Single(h => h.Id == "e2");
        Assert.Contains("_grokparsefailure", failed.DocumentJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReplayedBatch_CountsDuplicatesAndStoresOnce()
    {
        var batch = Event("r1", AccessLine("203.0.113.6")) + Event("r2", AccessLine("203.0.113.7"));
        using var first = await _host.PostBatchAsync(IngestHost.Gzip(batch));
        using var second = await _host.PostBatchAsync(IngestHost.Gzip(batch));

        var body = await Json(second, HttpStatusCode.OK);
        Assert.Equal(0, (int)body["accepted"]!);
        Assert.Equal(2, (int)body["duplicates"]!);
        Assert.Equal(2, (await SearchAllAsync()).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Post_MissingOrWrongToken_Is401AndStoresNothing(string? token)
    {
        using var response = await _host.PostBatchAsync(IngestHost.Gzip(Event("t1", AccessLine("203.0.113.8"))), token);

        var body = await Json(response, HttpStatusCode.Unauthorized);
        Assert.Contains("token", (string)body["error"]!, StringComparison.Ordinal);
        Assert.Empty(await SearchAllAsync());
    }

    [Fact]
    public async Task Post_MalformedGzip_Is400NamingGzip()
    {
        var content = new ByteArrayContent([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]);
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await _host.PostBatchAsync(content);

        Assert.Contains("gzip", (string)(await Json(response, HttpStatusCode.BadRequest))["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TruncatedJsonOnSecondLine_Is400NamingTheLineAndStoresNothing()
    {
        using var response = await _host.PostBatchAsync(IngestHost.Gzip(Event("j1", AccessLine("203.0.113.9")) + "{\"id\":\"j2\",\"host\":\"h\""));

        var error = (string)(await Json(response, HttpStatusCode.BadRequest))["error"]!;
        Assert.StartsWith("line 2:", error, StringComparison.Ordinal);
        Assert.Empty(await SearchAllAsync());
    }

    [Theory]
    [InlineData("{\"host\":\"h\",\"dataset\":\"apache.access\",\"message\":\"x\"}", "'id'")]
    [InlineData("{\"id\":\"bad id!\",\"host\":\"h\",\"dataset\":\"apache.access\",\"message\":\"x\"}", "'id'")]
    [InlineData("{\"id\":\"x1\",\"host\":\"h\",\"dataset\":\"apache.access\"}", "'message'")]
    [InlineData("{\"id\":\"x1\",\"host\":\"h\",\"dataset\":\"apache.access\",\"message\":\"x\",\"offset\":-1}", "'offset'")]
    [InlineData("[1,2,3]", "JSON object")]
    [InlineData("{\"id\":\"x1\",\"host\":\"h\",\"dataset\":\"a\",\"message\":\"x\",\"fields\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":1}}}}}}}}}", "JSON")]
    public async Task Post_InvalidEvent_Is400NamingTheField(string line, string named)
    {
        using var response = await _host.PostBatchAsync(IngestHost.Gzip(line + "\n"));

        Assert.Contains(named, (string)(await Json(response, HttpStatusCode.BadRequest))["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413NamingTheLimit()
    {
        var big = new string('a', 3000);
        var batch = string.Concat(Enumerable.Range(0, 40).Select(i => Event($"b{i}", big)));

        using var response = await _host.PostBatchAsync(new StringContent(batch, Encoding.UTF8));

        Assert.Contains("MaxRequestBytes", (string)(await Json(response, HttpStatusCode.RequestEntityTooLarge))["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EventOverTheLineLimit_Is413NamingTheLimit()
    {
        using var response = await _host.PostBatchAsync(IngestHost.Gzip(Event("l1", new string('x', 9000))));

        Assert.Contains("MaxEventBytes", (string)(await Json(response, HttpStatusCode.RequestEntityTooLarge))["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HostileText_IsStoredVerbatim()
    {
        const string Hostile = "'; DROP TABLE events; -- \u0000 <script>alert(1)</script> \" NEAR( OR * ";
        using var response = await _host.PostBatchAsync(IngestHost.Gzip(Event("h1", Hostile)));
        await Json(response, HttpStatusCode.OK);

        var hit = Assert.Single(await SearchAllAsync());
        Assert.Equal(Hostile, (string)JsonNode.Parse(hit.DocumentJson)!["message"]!);
    }

    [Fact]
    public async Task Post_InvalidUtf8AsBase64_IsStoredTaggedWithTheExactBytes()
    {
        var bytes = new byte[] { 0x47, 0x45, 0x54, 0xff, 0xfe, 0x20, 0x2f };
        var line = $"{{\"id\":\"u1\",\"host\":\"h\",\"dataset\":\"apache.access\",\"message_base64\":\"{Convert.ToBase64String(bytes)}\"}}\n";
        using var response = await _host.PostBatchAsync(IngestHost.Gzip(line));
        await Json(response, HttpStatusCode.OK);

        var document = JsonNode.Parse(Assert.Single(await SearchAllAsync()).DocumentJson)!;
        Assert.Contains("_invalid_utf8", document["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(bytes, Convert.FromBase64String((string)document["event"]!["original_base64"]!));
    }

    [Fact]
    public async Task Post_WpLoginFlood_StoresAnAlertBesideTheEvents()
    {
        var time = TimeProvider.System.GetUtcNow().AddMinutes(-2).ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture);
        var batch = string.Concat(Enumerable.Range(0, 8).Select(i =>
            Event($"w{i}", $"203.0.113.99 - - [{time} +0000] \"POST /wp-login.php HTTP/1.1\" 200 4100 \"-\" \"brute\"")));

        using var response = await _host.PostBatchAsync(IngestHost.Gzip(batch));

        var body = await Json(response, HttpStatusCode.OK);
        Assert.Equal(8, (int)body["accepted"]!);
        var alerts = (await SearchAllAsync()).Where(h => h.DocumentJson.Contains("\"kind\":\"alert\"", StringComparison.Ordinal)).ToList();
        var alert = JsonNode.Parse(Assert.Single(alerts).DocumentJson)!;
        Assert.Equal("wp-login-flood", (string?)alert["rule"]!["id"]);
        Assert.Equal("203.0.113.99", (string?)alert["source"]!["ip"]);
    }

    private static string WriteSettings()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingest-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Ingest": { "MaxRequestBytes": 65536, "MaxEventBytes": 8192 } }""");
        return path;
    }

    private static string Event(string id, string message) =>
        new JsonObject { ["id"] = id, ["host"] = "web1", ["file"] = "/var/log/apache2/access.log", ["offset"] = 0, ["dataset"] = "apache.access", ["message"] = message }.ToJsonString() + "\n";

    private static string AccessLine(string ip) =>
        $"{ip} - - [{TimeProvider.System.GetUtcNow().AddMinutes(-5).ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)} +0000] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"test-agent\"";

    private static async Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<IReadOnlyList<SearchHit>> SearchAllAsync()
    {
        var search = _host.Services.GetRequiredService<ILogSearch>();
        var now = TimeProvider.System.GetUtcNow();
        var result = await search.SearchAsync(new SearchRequest { From = now.AddDays(-1), To = now.AddDays(1), Size = 1000 }, CancellationToken.None);
        return result.Hits;
    }
}
