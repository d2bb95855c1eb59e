using System.Diagnostics.Metrics;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// What the store did since it started: requests, retries, items resent after rejection, events dead-lettered.
/// Read <see cref="Snapshot"/> for <c>/metrics</c>; also published on the <c>LogPipeline.Store.Elasticsearch</c> meter.
/// </summary>
public sealed class ElasticsearchStoreStats : IDisposable
{
    private readonly Meter _meter = new("LogPipeline.Store.Elasticsearch");
    private long _bulkRequests;
    private long _requestRetries;
    private long _itemRetries;
    private long _deadLettered;

    internal ElasticsearchStoreStats()
    {
        _meter.CreateObservableCounter("logpipeline.store.es.bulk_requests", () => Volatile.Read(ref _bulkRequests));
        _meter.CreateObservableCounter("logpipeline.store.es.request_retries", () => Volatile.Read(ref _requestRetries));
        _meter.CreateObservableCounter("logpipeline.store.es.item_retries", () => Volatile.Read(ref _itemRetries));
        _meter.CreateObservableCounter("logpipeline.store.es.dead_lettered", () => Volatile.Read(ref _deadLettered));
    }

    /// <summary>_bulk rounds sent, those resending rejected items included (whole-request retries count in <see cref="RequestRetries"/>).</summary>
    public long BulkRequests => Volatile.Read(ref _bulkRequests);

    /// <summary>Whole requests sent again after no answer, 429 or 5xx.</summary>
    public long RequestRetries => Volatile.Read(ref _requestRetries);

    /// <summary>Events sent again because their bulk item was rejected (429) or failed (5xx).</summary>
    public long ItemRetries => Volatile.Read(ref _itemRetries);

    /// <summary>Events refused for good and written to the dead-letter file.</summary>
    public long DeadLettered => Volatile.Read(ref _deadLettered);

    public void Dispose() => _meter.Dispose();

    internal void BulkSent() => Interlocked.Increment(ref _bulkRequests);

    internal void RequestRetried() => Interlocked.Increment(ref _requestRetries);

    internal void ItemsRetried(int count) => Interlocked.Add(ref _itemRetries, count);

    internal void DeadLetters(int count) => Interlocked.Add(ref _deadLettered, count);
}
