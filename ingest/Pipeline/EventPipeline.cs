using System.Diagnostics;
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

    public EventPipeline(EventProcessor processor, ILogSink sink, IngestMetrics metrics)
    {
        _processor = processor;
        _sink = sink;
        _metrics = metrics;
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

    /// <summary>Writes finished documents; returns once the stored ones are durable.</summary>
    public async Task<WriteResult> WriteAsync(IReadOnlyList<PendingEvent> events, long bytes, CancellationToken cancellationToken)
    {
        var records = new List<LogRecord>(events.Count);
        foreach (var (id, document) in events)
        {
            if (document.HasTag(Unparsed.FailureTag))
            {
                _metrics.ParseFailed();
            }

            records.Add(EventProcessor.ToRecord(id, document));
        }

        _metrics.Received(events.Count, bytes);
        var started = Stopwatch.GetTimestamp();
        var result = await _sink.WriteAsync(records, cancellationToken);
        _metrics.Written(result.Stored, result.Duplicates, result.Failed, Stopwatch.GetElapsedTime(started));
        return result;
    }
}
