using LogPipeline.Store;
using LogPipeline.Store.Query;

namespace LogPipeline.QueryUi.Search;

/// <summary>
/// Runs the search page's store calls — one per widget: the hits, the histogram, and the top values of the opened
/// sidebar field — after checking the query, so a syntax error is shown with its position and nothing else runs.
/// </summary>
internal static class SearchPageLoader
{
    public const int TopValuesShown = 5;
    private static readonly string[] Preferred = ["@timestamp", "host.name", "event.dataset", "log.file.path", "source.ip", "http.request.method", "url.path", "http.response.status_code", "user_agent.original", "message"];

    public static async Task<SearchPageData> LoadAsync(
        SearchState state, ILogSearch store, DateTimeOffset now, int pageSize, bool withAggregates, CancellationToken cancellationToken)
    {
        if (!DisplayZone.TryFind(state.Tz, out var zone, out var zoneError))
        {
            return new SearchPageData { State = state, Zone = zone, Error = zoneError };
        }

        var page = new SearchPageData { State = state, Zone = zone };
        if (!TimeRangeResolver.TryResolve(state.From, state.To, zone, now, out var from, out var to, out var rangeError))
        {
            return page with { Error = rangeError };
        }

        page = page with { From = from, To = to };
        var parsed = LogQuery.Parse(state.Q);
        if (!parsed.Succeeded)
        {
            return page with { Error = parsed.Error, ErrorPosition = parsed.ErrorPosition };
        }

        try
        {
            // With the aggregates, the histogram's sum is the exact total, so the hits are read without counting; the
            // store calls run side by side (each reads the store on its own connections).
            var request = new SearchRequest { Query = state.Q, From = from, To = to, Size = pageSize, Cursor = state.Cursor };
            var search = Task.Run(() => store.SearchAsync(withAggregates ? request with { TotalCap = 0 } : request, cancellationToken), cancellationToken);
            var histogram = withAggregates ? Task.Run(() => store.HistogramAsync(new HistogramRequest { Query = state.Q, From = from, To = to }, cancellationToken), cancellationToken) : null;
            var top = withAggregates && state.Field is { } field
                ? Task.Run(() => store.TopValuesAsync(new TopValuesRequest { Query = state.Q, From = from, To = to, Field = field, Size = TopValuesShown }, cancellationToken), cancellationToken)
                : null;
            await Task.WhenAll(new Task?[] { search, histogram, top }.OfType<Task>());
            var result = await search;
            var hits = result.Hits.Select(HitView.From).ToList();
            if (histogram is not null)
            {
                var counted = await histogram;
                result = result with { Total = counted.Total, TotalIsLowerBound = false };
                page = page with { Histogram = counted, Top = top is null ? null : await top };
            }

            return page with { Result = result, Hits = hits, FieldsPresent = FieldsOf(hits) };
        }
        catch (QuerySyntaxException e)
        {
            return page with { Error = e.Message, ErrorPosition = e.Position };
        }
    }

    private static List<string> FieldsOf(List<HitView> hits)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            foreach (var pair in hit.Fields)
            {
                names.Add(pair.Key);
            }
        }

        return names.OrderBy(n => Array.IndexOf(Preferred, n) is var i and >= 0 ? i : Preferred.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
    }
}
