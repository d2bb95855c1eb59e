using System.Text.Json;
using System.Text.Json.Nodes;

namespace LogPipeline.Store.Elasticsearch;

public sealed partial class ElasticsearchLogStore
{
    private const int MaxPageSize = 10_000;

    /// <summary>
    /// Hits newest first (time, then event id), one more than asked to know whether a next page exists; the cursor
    /// is the last hit's sort values, sent back as <c>search_after</c>, so paging is equally cheap at any depth and
    /// never expires. The total is exact up to <see cref="SearchRequest.TotalCap"/> (<c>track_total_hits</c>), then a
    /// lower bound. Throws <see cref="QuerySyntaxException"/> for a query or cursor that does not parse (or that the
    /// cluster refuses), and <see cref="ElasticsearchStoreException"/> when the cluster cannot answer.
    /// </summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Size, $"SearchRequest.Size must be between 1 and {MaxPageSize}.");
        }

        using var response = await SearchJsonAsync(ElasticsearchRequests.Search(request), cancellationToken);
        var hitsObject = response.RootElement.GetProperty("hits");
        var page = ReadHits(hitsObject);
        var more = page.Count > request.Size;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var cap = Math.Max(0, request.TotalCap);
        var total = hitsObject.TryGetProperty("total", out var t) ? t.GetProperty("value").GetInt64() : page.Count;
        var lowerBound = hitsObject.TryGetProperty("total", out t) && t.GetProperty("relation").GetString() == "gte";
        return new SearchResult
        {
            Total = Math.Min(total, cap),
            TotalIsLowerBound = lowerBound || total > cap,
            Hits = page.ConvertAll(h => h.Hit),
            NextCursor = more ? ElasticsearchRequests.Cursor(page[^1].Sort) : null,
        };
    }

    /// <summary>
    /// The event with the id (a <c>term</c> on <c>event.id</c>), then its neighbours from the same host and file:
    /// <c>search_after</c> its sort values, newest first for those before (returned oldest first) and oldest first
    /// for those after.
    /// </summary>
    public async Task<SurroundingResult> SurroundingAsync(SurroundingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var anchorResponse = await SearchJsonAsync(ElasticsearchRequests.SurroundingAnchor(request.Id), cancellationToken);
        var anchors = ReadHits(anchorResponse.RootElement.GetProperty("hits"));
        if (anchors.Count == 0)
        {
            return new SurroundingResult();
        }

        var (anchor, sort) = anchors[0];
        using var document = JsonDocument.Parse(anchor.DocumentJson);
        var host = StringAt(document.RootElement, "host", "name");
        var file = StringAt(document.RootElement, "log", "file", "path");
        var before = await NeighboursAsync(host, file, sort, request.Before, before: true, cancellationToken);
        before.Reverse();
        var after = await NeighboursAsync(host, file, sort, request.After, before: false, cancellationToken);
        return new SurroundingResult { Anchor = anchor, Before = before, After = after };
    }

    private async Task<List<SearchHit>> NeighboursAsync(
        string? host, string? file, JsonArray anchorSort, int count, bool before, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        using var response = await SearchJsonAsync(
            ElasticsearchRequests.SurroundingNeighbours(host, file, anchorSort, count, before), cancellationToken);
        return ReadHits(response.RootElement.GetProperty("hits")).ConvertAll(h => h.Hit);
    }

    /// <summary>POSTs a <c>_search</c> over every index or data stream this store writes; throws when the answer is not 200.</summary>
    private async Task<JsonDocument> SearchJsonAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var response = await SendWithRetryAsync(
            HttpMethod.Post, $"/{_names.Pattern}/_search?ignore_unavailable=true&allow_no_indices=true", body.ToJsonString(), cancellationToken);
        if (response.Status == 400)
        {
            throw new QuerySyntaxException($"Elasticsearch refused the query: {EsResponse.ErrorReason(response.Body)}", 0);
        }

        ThrowUnlessSuccess(response, "search");
        return JsonDocument.Parse(response.Body);
    }

    /// <summary>Each hit with its sort values (time as nanoseconds since the epoch, then the event id).</summary>
    private static List<(SearchHit Hit, JsonArray Sort)> ReadHits(JsonElement hitsObject)
    {
        var hits = new List<(SearchHit, JsonArray)>();
        foreach (var hit in hitsObject.GetProperty("hits").EnumerateArray())
        {
            var sort = hit.GetProperty("sort");
            hits.Add((
                new SearchHit(hit.GetProperty("_id").GetString()!, EventTime(sort[0]), hit.GetProperty("_source").GetRawText()),
                (JsonArray)JsonNode.Parse(sort.GetRawText())!));
        }

        return hits;
    }

    /// <summary>A <c>date_nanos</c> sort value: nanoseconds since the epoch (sub-100 ns digits dropped).</summary>
    private static DateTimeOffset EventTime(JsonElement sortValue) =>
        sortValue.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.UnixEpoch.AddTicks(sortValue.GetInt64() / 100)
            : DateTimeOffset.Parse(sortValue.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static string? StringAt(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
