using System.Text.Json;
using LogPipeline.Store.Query;

namespace LogPipeline.Store.Elasticsearch;

public sealed partial class ElasticsearchLogStore
{
    /// <summary>A <c>date_histogram</c> with every bucket of the range (<c>min_doc_count</c> 0, extended bounds).</summary>
    public async Task<HistogramResult> HistogramAsync(HistogramRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var interval = request.Interval ?? HistogramIntervals.Choose(request.From, request.To);
        if (interval <= TimeSpan.Zero || (request.To - request.From).Ticks / interval.Ticks > HistogramIntervals.MaxBuckets)
        {
            throw new ArgumentOutOfRangeException(nameof(request), interval, $"HistogramRequest.Interval must be positive and give at most {HistogramIntervals.MaxBuckets} buckets.");
        }

        using var response = await SearchJsonAsync(ElasticsearchRequests.Histogram(request, interval), cancellationToken);
        var buckets = Aggregation(response, "histogram").GetProperty("buckets").EnumerateArray()
            .Select(b => new HistogramBucket(DateTimeOffset.FromUnixTimeMilliseconds(b.GetProperty("key").GetInt64()), b.GetProperty("doc_count").GetInt64()))
            .ToList();
        return new HistogramResult { Interval = interval, Buckets = buckets };
    }

    /// <summary>
    /// A <c>terms</c> aggregation (count descending, then value) and a <c>cardinality</c> for the distinct count. The
    /// counts are exact when the field's values fit in the shard size the request asks for; see the docs.
    /// </summary>
    public async Task<TopValuesResult> TopValuesAsync(TopValuesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SearchJsonAsync(ElasticsearchRequests.TopValues(request), cancellationToken);
        var top = Aggregation(response, "top");
        var values = top.GetProperty("buckets").EnumerateArray()
            .Select(b => new TopValue(
                b.TryGetProperty("key_as_string", out var text) ? text.GetString()! : b.GetProperty("key").ToString(),
                b.GetProperty("doc_count").GetInt64()))
            .ToList();
        return new TopValuesResult
        {
            Field = QueryFields.ResolveOrThrow(request.Field),
            Values = values,
            OtherCount = top.TryGetProperty("sum_other_doc_count", out var others) ? others.GetInt64() : 0,
            DistinctCount = Aggregation(response, "distinct").GetProperty("value").GetInt64(),
        };
    }

    /// <summary>A <c>cardinality</c> aggregation: exact in practice up to 40 000 values, an estimate above (IsExact false).</summary>
    public async Task<DistinctCountResult> DistinctCountAsync(DistinctCountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SearchJsonAsync(ElasticsearchRequests.DistinctCount(request), cancellationToken);
        var count = Aggregation(response, "distinct").GetProperty("value").GetInt64();
        return new DistinctCountResult(QueryFields.ResolveOrThrow(request.Field), count, IsExact: false);
    }

    /// <summary>One terms aggregation on host.name with the newest time and a recent-events filter per host.</summary>
    public async Task<IReadOnlyList<HostActivity>> HostActivityAsync(HostActivityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SearchJsonAsync(ElasticsearchRequests.HostActivity(request), cancellationToken);
        return Aggregation(response, "hosts").GetProperty("buckets").EnumerateArray()
            .Select(b => new HostActivity(
                b.GetProperty("key").GetString()!,
                b.GetProperty("doc_count").GetInt64(),
                b.GetProperty("recent").GetProperty("doc_count").GetInt64(),
                DateTimeOffset.FromUnixTimeMilliseconds((long)b.GetProperty("newest").GetProperty("value").GetDouble())))
            .ToList();
    }

    private static JsonElement Aggregation(JsonDocument response, string name) =>
        response.RootElement.GetProperty("aggregations").GetProperty(name);
}
