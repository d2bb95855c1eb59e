using System.Globalization;
using LogPipeline.QueryUi.Components.Search;
using LogPipeline.QueryUi.Search;
using LogPipeline.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LogPipeline.QueryUi.Api;

/// <summary>
/// <c>GET /search/rows?…</c>: the table rows of one page of a search, as an HTML fragment, for "load more" and live
/// tail (app.js). <c>X-Next-Rows</c> / <c>X-Next-Url</c> carry the next page's fragment and page URLs.
/// </summary>
internal static class RowsEndpoint
{
    private const int MaxRows = 500;

    public static void Map(WebApplication app)
    {
        app.MapGet("/search/rows", HandleAsync);
        app.MapGet("/search/detail", DetailAsync);
    }

    /// <summary><c>GET /search/detail?id=…&amp;ts=…&amp;(state)</c>: every field of one hit and its raw line, for an opened row.</summary>
    private static async Task<IResult> DetailAsync(HttpContext context, ILogSearch store, TimeProvider time)
    {
        var state = SearchState.FromQuery(context.Request.Query);
        var id = context.Request.Query["id"].ToString();
        if (id.Length == 0 || !TimeExpression.TryParse(context.Request.Query["ts"], time.GetUtcNow(), out var at, out _) || !DisplayZone.TryFind(state.Tz, out var zone, out _))
        {
            return Results.Text("id, ts (ISO-8601) and a known tz are required", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var found = await store.SurroundingAsync(new SurroundingRequest { Id = id, Timestamp = at, Before = 0, After = 0 }, context.RequestAborted);
        if (found.Anchor is not { } anchor)
        {
            return Results.Text($"no event with id '{id}'", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        return new RazorComponentResult<HitDetail>(new Dictionary<string, object?>
        {
            [nameof(HitDetail.Hit)] = HitView.From(anchor),
            [nameof(HitDetail.State)] = state,
            [nameof(HitDetail.Zone)] = zone,
        });
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ILogSearch store, TimeProvider time)
    {
        var state = SearchState.FromQuery(context.Request.Query);
        var size = int.TryParse(context.Request.Query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, MaxRows) : Components.Pages.Search.PageSize;
        var data = await SearchPageLoader.LoadAsync(state, store, time.GetUtcNow(), size, withAggregates: false, context.RequestAborted);
        if (data.Error is { } error)
        {
            return Results.Text(error, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        if (data.Result?.NextCursor is { } next)
        {
            var nextState = state with { Cursor = next };
            context.Response.Headers["X-Next-Rows"] = nextState.ToUrl("/search/rows");
            context.Response.Headers["X-Next-Url"] = nextState.ToUrl();
        }

        return new RazorComponentResult<HitRows>(new Dictionary<string, object?>
        {
            [nameof(HitRows.Hits)] = data.Hits,
            [nameof(HitRows.State)] = state,
            [nameof(HitRows.Zone)] = data.Zone,
        });
    }
}
