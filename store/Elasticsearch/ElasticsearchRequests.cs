using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogPipeline.Store.Query;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// <c>_search</c> bodies for each <see cref="ILogSearch"/> operation (pure JSON; the HTTP adapter sends them and reads
/// the responses). Hits sort on <c>@timestamp</c> then <see cref="ElasticsearchMapping.IdField"/>, both descending,
/// and page with <c>search_after</c>; the cursor is that sort array, base64url-encoded.
/// </summary>
public static class ElasticsearchRequests
{
    private const string CursorPrefix = "e1.";

    /// <summary>The most hosts a host-activity aggregation returns (Elasticsearch's default bucket limit is 65,536).</summary>
    private const int MaxHosts = 10_000;

    /// <summary>Asks for Size + 1 hits: when Size + 1 come back, drop the last and issue a cursor from the Size-th.</summary>
    public static JsonObject Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Scoped(request);
        body["size"] = request.Size + 1;
        body["track_total_hits"] = (int)Math.Clamp(request.TotalCap, 0, int.MaxValue);
        body["sort"] = Sort("desc");
        if (ParseCursor(request.Cursor) is { } after)
        {
            body["search_after"] = after;
        }

        return body;
    }

    /// <summary>A date histogram with every bucket of the range (aligned on the epoch, as the SQLite store does).</summary>
    public static JsonObject Histogram(HistogramRequest request, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Scoped(request);
        body["size"] = 0;
        body["aggs"] = new JsonObject
        {
            ["histogram"] = new JsonObject
            {
                ["date_histogram"] = new JsonObject
                {
                    ["field"] = QueryFields.Timestamp,
                    ["fixed_interval"] = ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms",
                    ["min_doc_count"] = 0,
                    ["format"] = "strict_date_optional_time",
                    ["extended_bounds"] = new JsonObject
                    {
                        ["min"] = ElasticsearchQueryCompiler.FormatTime(HistogramIntervals.BucketStart(request.From, interval)),
                        ["max"] = ElasticsearchQueryCompiler.FormatTime(HistogramIntervals.BucketStart(request.To.AddTicks(-1), interval)),
                    },
                },
            },
        };
        return body;
    }

    /// <summary>A terms aggregation over the whole result (with a wide shard_size) plus a cardinality estimate.</summary>
    public static JsonObject TopValues(TopValuesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var field = Field(request.Field);
        var body = Scoped(request);
        body["size"] = 0;
        body["aggs"] = new JsonObject
        {
            ["top"] = new JsonObject
            {
                ["terms"] = new JsonObject
                {
                    ["field"] = field,
                    ["size"] = request.Size,
                    ["shard_size"] = Math.Max(request.Size * 20, 1000),
                    ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }),
                },
            },
            ["distinct"] = Cardinality(field),
        };
        return body;
    }

    /// <summary>
    /// A terms aggregation on <c>host.name</c> (every host) with, per host, the newest <c>@timestamp</c> and a filter
    /// counting the events from RecentFrom on.
    /// </summary>
    public static JsonObject HostActivity(HostActivityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Scoped(request);
        body["size"] = 0;
        body["aggs"] = new JsonObject
        {
            ["hosts"] = new JsonObject
            {
                ["terms"] = new JsonObject { ["field"] = QueryFields.HostName, ["size"] = MaxHosts, ["order"] = new JsonObject { ["_key"] = "asc" } },
                ["aggs"] = new JsonObject
                {
                    ["newest"] = new JsonObject { ["max"] = new JsonObject { ["field"] = QueryFields.Timestamp } },
                    ["recent"] = new JsonObject
                    {
                        ["filter"] = new JsonObject
                        {
                            ["range"] = new JsonObject
                            {
                                [QueryFields.Timestamp] = new JsonObject
                                {
                                    ["gte"] = ElasticsearchQueryCompiler.FormatTime(request.RecentFrom),
                                    ["format"] = "strict_date_optional_time",
                                },
                            },
                        },
                    },
                },
            },
        };
        return body;
    }

    public static JsonObject DistinctCount(DistinctCountRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Scoped(request);
        body["size"] = 0;
        body["aggs"] = new JsonObject { ["distinct"] = Cardinality(Field(request.Field)) };
        return body;
    }

    /// <summary>Finds the anchor event of <see cref="ILogSearch.SurroundingAsync"/> by id.</summary>
    public static JsonObject SurroundingAnchor(string id) => new()
    {
        ["size"] = 1,
        ["query"] = new JsonObject { ["term"] = new JsonObject { [ElasticsearchMapping.IdField] = id } },
        ["sort"] = Sort("desc"),
    };

    /// <summary>Neighbours of the anchor (same host and file), after its sort values: newest first when <paramref name="before"/>.</summary>
    public static JsonObject SurroundingNeighbours(string? host, string? file, JsonArray anchorSort, int count, bool before)
    {
        ArgumentNullException.ThrowIfNull(anchorSort);
        var filter = new List<JsonNode>();
        var mustNot = new List<JsonNode>();
        foreach (var (field, value) in (ReadOnlySpan<(string, string?)>)[(QueryFields.HostName, host), (QueryFields.FilePath, file)])
        {
            if (value is null)
            {
                mustNot.Add(new JsonObject { ["exists"] = new JsonObject { ["field"] = field } });
            }
            else
            {
                filter.Add(new JsonObject { ["term"] = new JsonObject { [field] = value } });
            }
        }

        return new JsonObject
        {
            ["size"] = count,
            ["query"] = ElasticsearchQueryCompiler.Bool(("filter", filter), ("must_not", mustNot)),
            ["sort"] = Sort(before ? "desc" : "asc"),
            ["search_after"] = anchorSort.DeepClone(),
        };
    }

    /// <summary>The cursor for a hit's <c>sort</c> values.</summary>
    public static string Cursor(JsonArray sortValues)
    {
        ArgumentNullException.ThrowIfNull(sortValues);
        return CursorPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(sortValues.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The sort values in a cursor; null for none; <see cref="QuerySyntaxException"/> for one this store did not issue.</summary>
    public static JsonArray? ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var b64 = cursor.StartsWith(CursorPrefix, StringComparison.Ordinal) ? cursor[CursorPrefix.Length..].Replace('-', '+').Replace('_', '/') : "!";
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            if (JsonNode.Parse(Convert.FromBase64String(b64)) is JsonArray { Count: 2 } values)
            {
                return values;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Falls through to the error below: the cursor was not issued by this store.
        }

        throw new QuerySyntaxException($"The cursor '{cursor}' was not issued by this Elasticsearch store; drop it to start again from the first page.", 0);
    }

    private static JsonObject Scoped(QueryScope scope)
    {
        var range = new JsonObject
        {
            ["range"] = new JsonObject
            {
                [QueryFields.Timestamp] = new JsonObject
                {
                    ["gte"] = ElasticsearchQueryCompiler.FormatTime(scope.From),
                    ["lt"] = ElasticsearchQueryCompiler.FormatTime(scope.To),
                    ["format"] = "strict_date_optional_time",
                },
            },
        };
        return new JsonObject { ["query"] = ElasticsearchQueryCompiler.Bool(("filter", [ElasticsearchQueryCompiler.Compile(scope.Query), range])) };
    }

    private static JsonArray Sort(string order) => new(
        new JsonObject { [QueryFields.Timestamp] = new JsonObject { ["order"] = order } },
        new JsonObject { [ElasticsearchMapping.IdField] = new JsonObject { ["order"] = order } });

    private static JsonObject Cardinality(string field) =>
        new() { ["cardinality"] = new JsonObject { ["field"] = field, ["precision_threshold"] = 40_000 } };

    private static string Field(string name) => QueryFields.ResolveOrThrow(name);
}
