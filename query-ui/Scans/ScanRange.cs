using LogPipeline.QueryUi.Search;

namespace LogPipeline.QueryUi.Scans;

/// <summary>The scans page's state in its URL: <c>from</c> (default now-24h), <c>to</c>, <c>tz</c>; resolved, or the error.</summary>
internal sealed record ScanRange(SearchState State, DisplayZone Zone, DateTimeOffset From, DateTimeOffset To, string? Error)
{
    public const string DefaultFrom = "now-24h";

    public static ScanRange Resolve(IQueryCollection query, DateTimeOffset now)
    {
        var state = SearchState.FromQuery(query);
        if (string.IsNullOrWhiteSpace(query["from"]))
        {
            state = state with { From = DefaultFrom };
        }

        if (!DisplayZone.TryFind(state.Tz, out var zone, out var error)
            || !TimeRangeResolver.TryResolve(state.From, state.To, zone, now, out var from, out var to, out error))
        {
            return new ScanRange(state, zone, default, default, error);
        }

        return new ScanRange(state, zone, from, to, null);
    }

    /// <summary>from/to/tz as a query string (for links from the page to exports and searches).</summary>
    public string RangeQuery => $"from={Uri.EscapeDataString(State.From)}&to={Uri.EscapeDataString(State.To)}&tz={Uri.EscapeDataString(State.Tz)}";
}
