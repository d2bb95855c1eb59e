using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Observability;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Tests.Pipeline;

/// <summary>
/// Which records the store must also look for in the previous day: only those timed by ingest's clock, because only
/// their day can change when the shipper re-sends them later.
/// </summary>
public sealed class EventPipelineClockTests
{
    [Fact]
    public async Task ProcessAsync_LineWithoutItsOwnTime_RecordMarkedAsTimedByIngestClock()
    {
        var sink = new CapturingSink();
        using var metrics = new IngestMetrics();
        var pipeline = new EventPipeline(
            new EventProcessor(new FormatLibrary(), TimeProvider.System), sink, metrics, new ScanDetector(new DetectionOptions(), TimeProvider.System));
        IncomingEvent[] events =
        [
            Event("parsed", "198.51.100.7 - - [22/Nov/2026:10:00:00 +0000] \"GET /a HTTP/1.1\" 200 5 \"-\" \"curl/8\""),
            Event("unparsed", "this line has no time and matches no access-log pattern"),
        ];

        await pipeline.ProcessAsync(events, "web1", CancellationToken.None);

        var byId = sink.Written.ToDictionary(r => r.Id);
        Assert.False(byId["parsed"].TimestampFromIngestClock);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), byId["parsed"].Timestamp);
        Assert.True(byId["unparsed"].TimestampFromIngestClock);
    }

    private static IncomingEvent Event(string id, string message) =>
        new() { Id = id, Host = "web1", Dataset = "apache.access", Message = message };

    private sealed class CapturingSink : ILogSink
    {
        public List<LogRecord> Written { get; } = [];

        public Task<WriteResult> WriteAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
        {
            Written.AddRange(records);
            return Task.FromResult(new WriteResult([.. records.Select(_ => new WriteOutcome(WriteStatus.Stored))]));
        }
    }
}
