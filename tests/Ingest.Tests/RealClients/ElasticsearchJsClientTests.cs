using System.Globalization;
using System.Text.Json.Nodes;
using LogPipeline.Ingest.Tests.Endpoints;
using LogPipeline.Store;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Ingest.Tests.RealClients;

/// <summary>
/// The official Elasticsearch JavaScript client (npm <c>@elastic/elasticsearch</c>, its bulk helper) against ingest's
/// Elasticsearch-compatible intake: it must accept our version document, get per-item results it understands, and
/// the messages must come out parsed.
/// </summary>
public sealed class ElasticsearchJsClientTests : IAsyncLifetime
{
    private static readonly SemaphoreSlim NpmLock = new(1, 1);
    private IngestHost _host = null!;
    private string _clientDir = null!;

    public async Task InitializeAsync()
    {
        _clientDir = Path.Combine(Tool.RepoRoot(), "tests", "clients", "elasticsearch-js");
        await EnsureInstalledAsync(_clientDir);
        _host = await IngestHost.StartAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BulkHelper_ApacheLinesToDataStream_StoredParsedAndResendIsDuplicate()
    {
        var time = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        var stamp = time.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
        var docs = Path.Combine(_host.DataDir, "docs.ndjson");
        await File.WriteAllLinesAsync(docs, Enumerable.Range(1, 25).Select(i =>
            new JsonObject { ["message"] = $"203.0.113.{i} - - [{stamp}] \"POST /wp-login.php HTTP/1.1\" 200 {i} \"-\" \"js-client\"" }.ToJsonString()));

        var first = await RunClientAsync(docs, IngestHost.Token);
        var second = await RunClientAsync(docs, IngestHost.Token);

        Assert.Equal("8.17.0", (string?)first["version"]);
        Assert.Equal(25, (int)first["successful"]!);
        Assert.Equal(0, (int)second["successful"]!);
        Assert.All(second["dropped"]!.AsArray(), d => Assert.Equal(409, (int)d!["status"]!));
        // 25 addresses failing wp-login.php also raise distributed brute-force alerts: count the access events only.
        var hits = await SearchAsync(time, "dataset:apache.access");
        Assert.Equal(25, hits.Count);
        var doc = JsonNode.Parse(hits[0].DocumentJson)!;
        Assert.Equal("apache.access", (string?)doc["event"]!["dataset"]);
        Assert.Equal("/wp-login.php", (string?)doc["url"]!["path"]);
        Assert.StartsWith("203.0.113.", (string?)doc["source"]!["ip"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkHelper_WrongPassword_IsRefusedAndNothingStored()
    {
        var docs = Path.Combine(_host.DataDir, "one.ndjson");
        await File.WriteAllTextAsync(docs, "{\"message\":\"x\"}\n");

        var (exitCode, output) = await Tool.RunAsync("node", _clientDir, TimeSpan.FromMinutes(1), "bulk.mjs", _host.Client.BaseAddress!.ToString().TrimEnd('/'), "wrong", docs, "logs-apache.access-default");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("security_exception", output, StringComparison.Ordinal);
        Assert.Empty(await SearchAsync(TimeProvider.System.GetUtcNow()));
    }

    private async Task<JsonObject> RunClientAsync(string docs, string token)
    {
        var (exitCode, output) = await Tool.RunAsync("node", _clientDir, TimeSpan.FromMinutes(1), "bulk.mjs", _host.Client.BaseAddress!.ToString().TrimEnd('/'), token, docs, "logs-apache.access-default");
        Assert.True(exitCode == 0, output);
        return JsonNode.Parse(output.Trim().Split('\n')[^1])!.AsObject();
    }

    private async Task<IReadOnlyList<SearchHit>> SearchAsync(DateTimeOffset around, string query = "")
    {
        var search = _host.Services.GetRequiredService<ILogSearch>();
        var result = await search.SearchAsync(new SearchRequest { Query = query, From = around.AddDays(-1), To = around.AddDays(1), Size = 1000 }, CancellationToken.None);
        return result.Hits;
    }

    private static async Task EnsureInstalledAsync(string dir)
    {
        await NpmLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(dir, "node_modules", "@elastic", "elasticsearch")))
            {
                var (exitCode, output) = await Tool.RunAsync("npm", dir, TimeSpan.FromMinutes(5), "ci", "--no-audit", "--no-fund");
                Assert.True(exitCode == 0, "npm ci failed (the npm registry must be reachable):\n" + output);
            }
        }
        finally
        {
            NpmLock.Release();
        }
    }
}
