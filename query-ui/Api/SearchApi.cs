using System.Globalization;
using System.Text.Json;
using LogPipeline.QueryUi.Hosting;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Api;

/// <summary>
/// <c>GET /api/search?q=…&amp;from=…&amp;to=…&amp;size=…&amp;cursor=…</c>: hits newest first, each the stored ECS document
/// (<c>_source</c>) with its id (<c>_id</c>), the total, and a cursor to the next page. Bad parameters get a 400 that
/// names the parameter; a query syntax error says where.
/// </summary>
internal static class SearchApi
{
    public static void Map(WebApplication app) => app.MapGet("/api/search", HandleAsync);

    private static async Task HandleAsync(HttpContext context, ILogSearch search, TimeProvider time, QueryUiOptions options)
    {
        var query = context.Request.Query;
        var parsed = SearchParameters.TryParse(query["q"], query["from"], query["to"], query["size"], query["cursor"], time.GetUtcNow(), options.MaxPageSize);
        if (parsed.Error is { } error)
        {
            await WriteErrorAsync(context, error, null);
            return;
        }

        SearchResult result;
        try
        {
            result = await search.SearchAsync(parsed.Request!, context.RequestAborted);
        }
        catch (QuerySyntaxException e)
        {
            await WriteErrorAsync(context, $"q: {e.Message}", e.Position);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteNumber("total", result.Total);
        writer.WriteBoolean("total_is_lower_bound", result.TotalIsLowerBound);
        writer.WriteStartArray("hits");
        foreach (var hit in result.Hits)
        {
            writer.WriteStartObject();
            writer.WriteString("_id", hit.Id);
            writer.WritePropertyName("_source");
            writer.WriteRawValue(hit.DocumentJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("next_cursor", result.NextCursor);
        writer.WriteEndObject();
    }

    private static async Task WriteErrorAsync(HttpContext context, string message, int? position)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("error", message);
        if (position is { } p)
        {
            writer.WriteNumber("position", p);
        }

        writer.WriteEndObject();
    }
}
