using LogPipeline.Store;

namespace LogPipeline.QueryUi.Api;

/// <summary><c>GET /api/event?id=…&amp;ts=…</c>: one stored document as JSON (404 if unknown). <c>ts</c> (the hit's time) finds it fast.</summary>
internal static class EventApi
{
    public static void Map(WebApplication app) => app.MapGet("/api/event", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context, ILogSearch store, TimeProvider time)
    {
        var id = context.Request.Query["id"].ToString();
        if (id.Length == 0)
        {
            return Results.BadRequest(new { error = "id: give the event's _id" });
        }

        if (!EventTimeParameter.TryRead(context, time, out var ts, out var error))
        {
            return Results.BadRequest(new { error });
        }

        var result = await store.SurroundingAsync(new SurroundingRequest { Id = id, Timestamp = ts, Before = 0, After = 0 }, context.RequestAborted);
        return result.Anchor is { } anchor
            ? Results.Text(anchor.DocumentJson, "application/json; charset=utf-8")
            : Results.NotFound(new { error = $"no event with id '{id}'" });
    }
}
