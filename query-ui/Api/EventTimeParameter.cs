using LogPipeline.Store;

namespace LogPipeline.QueryUi.Api;

/// <summary>
/// The optional <c>ts</c> query parameter of the APIs that find one event by id (<c>/api/event</c>,
/// <c>/api/surrounding</c>): the event's time (ISO 8601 or a time expression), which lets the store look in that day
/// only, by its time index, instead of through every day.
/// </summary>
internal static class EventTimeParameter
{
    /// <summary>Reads <c>ts</c>: null when absent; an error naming the parameter when it does not parse.</summary>
    public static bool TryRead(HttpContext context, TimeProvider time, out DateTimeOffset? ts, out string? error)
    {
        ts = null;
        error = null;
        if (context.Request.Query["ts"].ToString() is not { Length: > 0 } text)
        {
            return true;
        }

        if (!TimeExpression.TryParse(text, time.GetUtcNow(), out var at, out var problem))
        {
            error = $"ts: {problem}";
            return false;
        }

        ts = at;
        return true;
    }
}
