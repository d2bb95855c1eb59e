using System.Diagnostics;
using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Observability;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>Parse → enrich → write: the part of an event's life shared by every intake endpoint.</summary>
internal sealed class EventPipeline
{
    private readonly EventProcessor _processor;
    private readonly ILogSink _sink;
    private readonly IngestMetrics _metrics;
    private readonly ScanDetector _detector;

    public EventPipeline(EventProcessor processor, ILogSink sink, IngestMetrics metrics, ScanDetector detector)
    {
        _processor = processor;
        _sink = sink;
        _metrics = metrics;
        _detector = detector;
    }

    /// <summary>
    /// Shipper events: parsed with their format, enriched, written. Outcomes in the order of <paramref name="events"/>.
    /// One document is reused for the whole batch: only the records (JSON and typed columns) stay alive until the write.
    /// </summary>
    public Task<WriteResult> ProcessAsync(IReadOnlyList<IncomingEvent> events, string agent, CancellationToken cancellationToken)
    {
        var records = new List<LogRecord>(events.Count);
        List<LogRecord>? alerts = null;
        var document = new EcsDocument();
        var now = _processor.Now();
        long bytes = 0;
        foreach (var incoming in events)
        {
            document.Clear();
            var timedByIngest = _processor.Process(incoming, agent, now, document);
            bytes += incoming.Message.Length;
            Add(incoming.Id, document, records, ref alerts, timedByIngest);
        }

        return WriteAsync(records, events.Count, bytes, alerts, cancellationToken);
    }

    /// <summary>
    /// Writes finished documents, and the scan alerts they raise, in one store write; returns once the stored ones are
    /// durable. The outcomes are those of <paramref name="events"/>, in order.
    /// </summary>
    public Task<WriteResult> WriteAsync(IReadOnlyList<PendingEvent> events, long bytes, CancellationToken cancellationToken)
    {
        var records = new List<LogRecord>(events.Count);
        List<LogRecord>? alerts = null;
        foreach (var (id, document, timedByIngestClock) in events)
        {
            Add(id, document, records, ref alerts, timedByIngestClock);
        }

        return WriteAsync(records, events.Count, bytes, alerts, cancellationToken);
    }

    private void Add(string id, EcsDocument document, List<LogRecord> records, ref List<LogRecord>? alerts, bool timedByIngest = false)
    {
        if (document.HasTag(Unparsed.FailureTag))
        {
            _metrics.ParseFailed();
        }

        var record = EventProcessor.ToRecord(id, document, timedByIngest);
        records.Add(record);
        foreach (var alert in _detector.Observe(record, document))
        {
            (alerts ??= []).Add(EventProcessor.ToRecord(alert.GetString("event.id")!, alert));
        }
    }

    /// <summary>The batch's records then its alerts in one store write; the outcomes returned are the events' only.</summary>
    private async Task<WriteResult> WriteAsync(List<LogRecord> records, int events, long bytes, List<LogRecord>? alerts, CancellationToken cancellationToken)
    {
        _metrics.Received(events, bytes);
        if (alerts is not null)
        {
            _metrics.Alerts(alerts.Count);
            records.AddRange(alerts);
        }

        var started = Stopwatch.GetTimestamp();
        var written = await _sink.WriteAsync(records, cancellationToken);
        var result = alerts is null ? written : new WriteResult(written.Outcomes.Take(events).ToList());
        _metrics.Written(written.Stored, written.Duplicates, written.Failed, Stopwatch.GetElapsedTime(started));
        return result;
    }
}
