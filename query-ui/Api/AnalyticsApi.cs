using System.Globalization;
using LogPipeline.QueryUi.Hosting;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Api;

/// <summary>
/// The rest of the search API as JSON, with the same <c>q</c>/<c>from</c>/<c>to</c> as <c>/api/search</c>:
/// <c>/api/histogram</c> (interval chosen for the range, or <c>interval</c> in seconds), <c>/api/top?field=…&amp;size=…</c>
/// (over the whole result, not a sample), <c>/api/distinct?field=…</c>, and <c>/api/surrounding?id=…&amp;ts=…&amp;before=…&amp;after=…</c>
/// (same host and file; <c>ts</c>, the event's time, is optional and finds it without looking through every day). Errors are 400 with <c>error</c> (and <c>position</c> for a query syntax error).
/// </summary>
internal static class AnalyticsApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/histogram", (HttpContext c, ILogSearch s, TimeProvider t, QueryUiOptions o) => RunAsync(c, t, o, async scope =>
        {
            var seconds = c.Request.Query["interval"].ToString();
            TimeSpan? interval = int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? TimeSpan.FromSeconds(n) : null;
            var result = await s.HistogramAsync(new HistogramRequest { Query = scope.Query, From = scope.From, To = scope.To, Interval = interval }, c.RequestAborted);
            return Results.Json(new { interval_seconds = result.Interval.TotalSeconds, total = result.Total, buckets = result.Buckets.Select(b => new { start = b.Start, count = b.Count }) });
        }));
        app.MapGet("/api/top", (HttpContext c, ILogSearch s, TimeProvider t, QueryUiOptions o) => RunAsync(c, t, o, async scope =>
        {
            var size = int.TryParse(c.Request.Query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 1000) : 10;
            var result = await s.TopValuesAsync(new TopValuesRequest { Query = scope.Query, From = scope.From, To = scope.To, Field = Field(c), Size = size }, c.RequestAborted);
            return Results.Json(new { field = result.Field, values = result.Values.Select(v => new { value = v.Value, count = v.Count }), other_count = result.OtherCount, distinct_count = result.DistinctCount });
        }));
        app.MapGet("/api/distinct", (HttpContext c, ILogSearch s, TimeProvider t, QueryUiOptions o) => RunAsync(c, t, o, async scope =>
        {
            var result = await s.DistinctCountAsync(new DistinctCountRequest { Query = scope.Query, From = scope.From, To = scope.To, Field = Field(c) }, c.RequestAborted);
            return Results.Json(new { field = result.Field, count = result.Count, exact = result.IsExact });
        }));
        app.MapGet("/api/surrounding", async (HttpContext c, ILogSearch s, TimeProvider t) =>
        {
            var id = c.Request.Query["id"].ToString();
            if (id.Length == 0)
            {
                return Results.Json(new { error = "id: give the id (_id) of the event" }, statusCode: 400);
            }

            if (!EventTimeParameter.TryRead(c, t, out var ts, out var tsError))
            {
                return Results.Json(new { error = tsError }, statusCode: 400);
            }

            var before = int.TryParse(c.Request.Query["before"], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? Math.Clamp(b, 0, 500) : 10;
            var after = int.TryParse(c.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? Math.Clamp(a, 0, 500) : 10;
            var result = await s.SurroundingAsync(new SurroundingRequest { Id = id, Timestamp = ts, Before = before, After = after }, c.RequestAborted);
            return result.Anchor is null
                ? Results.Json(new { error = $"id: no event '{id}'" }, statusCode: 404)
                : Results.Json(new { anchor = Hit(result.Anchor), before = result.Before.Select(Hit), after = result.After.Select(Hit) });
        });
    }

    private static string Field(HttpContext context) => context.Request.Query["field"].ToString();

    private static object Hit(SearchHit hit) => new { _id = hit.Id, timestamp = hit.Timestamp, _source = System.Text.Json.JsonDocument.Parse(hit.DocumentJson).RootElement };

    private static async Task<IResult> RunAsync(HttpContext context, TimeProvider time, QueryUiOptions options, Func<SearchRequest, Task<IResult>> run)
    {
        var q = context.Request.Query;
        var parsed = SearchParameters.TryParse(q["q"], q["from"], q["to"], null, null, time.GetUtcNow(), options.MaxPageSize);
        if (parsed.Error is { } error)
        {
            return Results.Json(new { error }, statusCode: 400);
        }

        try
        {
            return await run(parsed.Request!);
        }
        catch (QuerySyntaxException e)
        {
            return Results.Json(new { error = e.Message, position = e.Position }, statusCode: 400);
        }
    }
}
