using System.Diagnostics;
using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Observability;
using LogPipeline.Parsers;
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

    /// <summary>Shipper events: parsed with their format, enriched, written. Outcomes in the order of <paramref name="events"/>.</summary>
    public Task<WriteResult> ProcessAsync(IReadOnlyList<IncomingEvent> events, string agent, CancellationToken cancellationToken)
    {
        var pending = new List<PendingEvent>(events.Count);
        long bytes = 0;
        foreach (var incoming in events)
        {
            pending.Add(new PendingEvent(incoming.Id, _processor.Process(incoming, agent)));
            bytes += incoming.Message.Length;
        }

        return WriteAsync(pending, bytes, cancellationToken);
    }

    /// <summary>
    /// Writes finished documents, and the scan alerts they raise, in one store write; returns once the stored ones are
    /// durable. The outcomes are those of <paramref name="events"/>, in order.
    /// </summary>
    public async Task<WriteResult> WriteAsync(IReadOnlyList<PendingEvent> events, long bytes, CancellationToken cancellationToken)
    {
        var records = new List<LogRecord>(events.Count);
        List<LogRecord>? alerts = null;
        foreach (var (id, document) in events)
        {
            if (document.HasTag(Unparsed.FailureTag))
            {
                _metrics.ParseFailed();
            }

            records.Add(EventProcessor.ToRecord(id, document));
            foreach (var alert in _detector.Observe(document))
            {
                (alerts ??= []).Add(EventProcessor.ToRecord(alert.GetString("event.id")!, alert));
            }
        }

        _metrics.Received(events.Count, bytes);
        if (alerts is not null)
        {
            _metrics.Alerts(alerts.Count);
            records.AddRange(alerts);
        }

        var started = Stopwatch.GetTimestamp();
        var written = await _sink.WriteAsync(records, cancellationToken);
        var result = alerts is null ? written : new WriteResult(written.Outcomes.Take(events.Count).ToList());
        _metrics.Written(written.Stored, written.Duplicates, written.Failed, Stopwatch.GetElapsedTime(started));
        return result;
    }
}
