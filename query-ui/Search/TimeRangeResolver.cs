using LogPipeline.Store;

namespace LogPipeline.QueryUi.Search;

/// <summary>Turns the typed <c>from</c>/<c>to</c> (relative, ISO-8601, or a plain local time in the display zone) into instants.</summary>
internal static class TimeRangeResolver
{
    public static bool TryResolve(string from, string to, DisplayZone zone, DateTimeOffset now, out DateTimeOffset start, out DateTimeOffset end, out string? error)
    {
        end = default;
        if (!TryOne("from", from, zone, now, out start, out error) || !TryOne("to", to, zone, now, out end, out error))
        {
            return false;
        }

        if (end <= start)
        {
            error = "from must be before to";
            return false;
        }

        return true;
    }

    private static bool TryOne(string name, string text, DisplayZone zone, DateTimeOffset now, out DateTimeOffset value, out string? error)
    {
        error = null;
        if (zone.TryParseLocal(text, out value))
        {
            return true;
        }

        if (TimeExpression.TryParse(text, now, out value, out var problem))
        {
            return true;
        }

        error = $"{name}: {problem}";
        return false;
    }
}
