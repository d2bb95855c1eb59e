using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace LogPipeline.Ingest.Observability;

/// <summary>
/// Ingest's counters. Kept as plain totals (rendered at <c>/metrics</c> in Prometheus text format) and published as
/// observable instruments on the <c>LogPipeline.Ingest</c> meter for dotnet-counters and OpenTelemetry.
/// </summary>
internal sealed class IngestMetrics : IDisposable
{
    private readonly Meter _meter = new("LogPipeline.Ingest");
    private long _batches;
    private long _batchesRefused;
    private long _received;
    private long _receivedBytes;
    private long _parseFailures;
    private long _stored;
    private long _duplicates;
    private long _failed;
    private long _alerts;
    private long _storeMicros;
    private long _inFlight;

    public IngestMetrics()
    {
        _meter.CreateObservableCounter("logpipeline.ingest.events.received", () => Volatile.Read(ref _received));
        _meter.CreateObservableCounter("logpipeline.ingest.events.stored", () => Volatile.Read(ref _stored));
        _meter.CreateObservableCounter("logpipeline.ingest.events.duplicates", () => Volatile.Read(ref _duplicates));
        _meter.CreateObservableCounter("logpipeline.ingest.events.failed", () => Volatile.Read(ref _failed));
        _meter.CreateObservableUpDownCounter("logpipeline.ingest.batches.in_flight", () => Volatile.Read(ref _inFlight));
    }

    public void BatchRefused() => Interlocked.Increment(ref _batchesRefused);

    public void BatchStarted() => Interlocked.Increment(ref _inFlight);

    public void BatchEnded() => Interlocked.Decrement(ref _inFlight);

    public void Received(int events, long bytes)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _received, events);
        Interlocked.Add(ref _receivedBytes, bytes);
    }

    public void ParseFailed() => Interlocked.Increment(ref _parseFailures);

    public void Alerts(int count) => Interlocked.Add(ref _alerts, count);

    public void Written(int stored, int duplicates, int failed, TimeSpan storeTime)
    {
        Interlocked.Add(ref _stored, stored);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _failed, failed);
        Interlocked.Add(ref _storeMicros, (long)storeTime.TotalMicroseconds);
    }

    public string ToPrometheusText()
    {
        var text = new StringBuilder(1024);
        Counter(text, "logpipeline_ingest_batches_total", "Batches accepted for processing.", _batches);
        Counter(text, "logpipeline_ingest_batches_refused_total", "Batches refused (auth, limits, malformed, busy).", _batchesRefused);
        Counter(text, "logpipeline_ingest_events_received_total", "Events received.", _received);
        Counter(text, "logpipeline_ingest_received_bytes_total", "Bytes of request bodies received (decompressed).", _receivedBytes);
        Counter(text, "logpipeline_ingest_parse_failures_total", "Events no pattern matched (stored tagged _grokparsefailure).", _parseFailures);
        Counter(text, "logpipeline_ingest_events_stored_total", "Events newly stored.", _stored);
        Counter(text, "logpipeline_ingest_events_duplicate_total", "Events already stored (re-sent ids).", _duplicates);
        Counter(text, "logpipeline_ingest_events_failed_total", "Events the store refused.", _failed);
        Counter(text, "logpipeline_ingest_alerts_total", "Scan alerts raised.", _alerts);
        Counter(text, "logpipeline_ingest_store_seconds_total", "Time spent writing to the store.", Volatile.Read(ref _storeMicros) / 1e6);
        text.Append("# HELP logpipeline_ingest_batches_in_flight Batches being processed.\n# TYPE logpipeline_ingest_batches_in_flight gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"logpipeline_ingest_batches_in_flight {Volatile.Read(ref _inFlight)}\n");
        return text.ToString();
    }

    public void Dispose() => _meter.Dispose();

    private static void Counter(StringBuilder text, string name, string help, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");
}
