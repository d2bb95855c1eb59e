using System.Diagnostics;
using LogPipeline.Ingest.Observability;
using LogPipeline.Parsers;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>Parse → enrich → write: the part of a batch's life shared by every intake endpoint.</summary>
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

    /// <summary>Outcomes in the order of <paramref name="events"/>; returns once stored events are durable.</summary>
    public async Task<WriteResult> ProcessAsync(IReadOnlyList<IncomingEvent> events, string agent, CancellationToken cancellationToken)
    {
        var records = new List<LogRecord>(events.Count);
        long bytes = 0;
        foreach (var incoming in events)
        {
            var document = _processor.Process(incoming, agent);
            if (document.HasTag(Unparsed.FailureTag))
            {
                _metrics.ParseFailed();
            }

            bytes += incoming.Message.Length;
            records.Add(EventProcessor.ToRecord(incoming.Id, document));
        }

        _metrics.Received(events.Count, bytes);
        var started = Stopwatch.GetTimestamp();
        var result = await _sink.WriteAsync(records, cancellationToken);
        _metrics.Written(result.Stored, result.Duplicates, result.Failed, Stopwatch.GetElapsedTime(started));
        return result;
    }
}
