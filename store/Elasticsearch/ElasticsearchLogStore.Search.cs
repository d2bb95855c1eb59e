using System.Text.Json;
using System.Text.Json.Nodes;

namespace LogPipeline.Store.Elasticsearch;

public sealed partial class ElasticsearchLogStore
{
    private const int MaxPageSize = 10_000;

    /// <summary>
    /// Hits newest first (time, then event id), one more than asked to know whether a next page exists; the cursor
    /// is the last hit's sort values, sent back as <c>search_after</c>, so paging is equally cheap at any depth. The
    /// total is exact up to <see cref="SearchRequest.TotalCap"/> (<c>track_total_hits</c>), then a lower bound.
    /// Throws <see cref="QuerySyntaxException"/> for a query or cursor that does not parse, and
    /// <see cref="ElasticsearchStoreException"/> when the cluster cannot answer.
    /// </summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Size, $"SearchRequest.Size must be between 1 and {MaxPageSize}.");
        }

        var searchAfter = SearchCursor.Parse(request.Cursor);
        var cap = (int)Math.Clamp(request.TotalCap, 0, int.MaxValue);
        var body = new JsonObject
        {
            ["size"] = request.Size + 1,
            ["track_total_hits"] = cap == 0 ? false : cap,
            ["query"] = SearchBody.Query(FreeTextQuery.Clause(request.Query), request.From, request.To),
            ["sort"] = SearchBody.NewestFirst(),
        };
        if (searchAfter is not null)
        {
            body["search_after"] = searchAfter;
        }

        using var response = await SearchJsonAsync(body, cancellationToken);
        return ReadHits(response.RootElement, request.Size, cap);
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

    private static SearchResult ReadHits(JsonElement root, int size, int cap)
    {
        var hitsObject = root.GetProperty("hits");
        var hits = new List<SearchHit>(size);
        JsonArray? lastSort = null;
        var more = false;
        foreach (var hit in hitsObject.GetProperty("hits").EnumerateArray())
        {
            if (hits.Count == size)
            {
                more = true;
                break;
            }

            var sort = hit.GetProperty("sort");
            lastSort = (JsonArray)JsonNode.Parse(sort.GetRawText())!;
            hits.Add(new SearchHit(
                hit.GetProperty("_id").GetString()!,
                SearchBody.ParseTime(sort[0].GetString()!),
                hit.GetProperty("_source").GetRawText()));
        }

        long total = hits.Count;
        var lowerBound = more;
        if (hitsObject.TryGetProperty("total", out var totalElement))
        {
            total = totalElement.GetProperty("value").GetInt64();
            lowerBound = totalElement.GetProperty("relation").GetString() == "gte";
        }

        return new SearchResult
        {
            Total = Math.Min(total, cap),
            TotalIsLowerBound = lowerBound || total > cap,
            Hits = hits,
            NextCursor = more && lastSort is not null ? SearchCursor.Format(lastSort) : null,
        };
    }
}
