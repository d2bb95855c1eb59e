using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LogPipeline.Ingest.Tests.Elasticsearch;

/// <summary>
/// A small HTTP server answering the few Elasticsearch 8 calls the store makes (root, templates, _bulk) with the
/// documented response shapes, and keeping the documents it is sent. Enough to prove ingest's wiring end to end; the
/// adapter's wire format is tested in detail in Store.Tests.
/// </summary>
internal sealed class FakeElasticsearch : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeElasticsearch(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, JsonObject> Documents { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public string Url => _app.Urls.First();

    public static async Task<FakeElasticsearch> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeElasticsearch(app);
        app.Use(async (context, next) =>
        {
            fake.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
            await next(context);
        });
        app.MapGet("/", () => Results.Json(new { cluster_name = "fake", version = new { number = "8.15.0" } }));
        app.MapPut("/_component_template/{name}", () => Results.Json(new { acknowledged = true }));
        app.MapPut("/_index_template/{name}", () => Results.Json(new { acknowledged = true }));
        app.MapPost("/_bulk", fake.BulkAsync);
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task BulkAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var action = JsonNode.Parse(lines[i])!["create"]!;
            var id = (string)action["_id"]!;
            var created = Documents.TryAdd(id, JsonNode.Parse(lines[i + 1])!.AsObject());
            items.Add(new JsonObject
            {
                ["create"] = created
                    ? new JsonObject { ["_index"] = (string?)action["_index"], ["_id"] = id, ["status"] = 201, ["result"] = "created" }
                    : new JsonObject { ["_index"] = (string?)action["_index"], ["_id"] = id, ["status"] = 409, ["error"] = new JsonObject { ["type"] = "version_conflict_engine_exception", ["reason"] = "document already exists" } },
            });
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["took"] = 1, ["errors"] = items.Any(x => (int)x!["create"]!["status"]! != 201), ["items"] = items }.ToJsonString());
    }
}
