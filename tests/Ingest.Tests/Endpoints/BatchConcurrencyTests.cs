using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using LogPipeline.Ingest.Configuration;
using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Endpoints;
using LogPipeline.Ingest.Observability;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Ingest.Security;
using LogPipeline.Parsers;
using LogPipeline.Store;
using Microsoft.AspNetCore.Http;

namespace LogPipeline.Ingest.Tests.Endpoints;

/// <summary>Several shipper batches in flight: each is read and parsed while another one's write is still running.</summary>
public sealed class BatchConcurrencyTests
{
    [Fact]
    public async Task Handle_FourBatchesWhileTheStoreIsBusy_AllParsedAndWaitingAndTheFifthTurnedAway()
    {
        var options = new IngestOptions { NoAuth = true, MaxConcurrentBatches = 4 };
        var sink = new HeldSink();
        using var metrics = new IngestMetrics();
        using var gate = new BatchGate(options);
        var pipeline = new EventPipeline(new EventProcessor(new FormatLibrary(), TimeProvider.System), sink, metrics, new ScanDetector(new DetectionOptions(), TimeProvider.System));
        var endpoint = new BatchEndpoint(new TokenAuthenticator(options), new BatchReader(options), pipeline, metrics, gate);

        var admitted = Enumerable.Range(0, 4).Select(b => Post(endpoint, b)).ToList();
        await WaitUntil(() => sink.Waiting == 4);
        var refused = Post(endpoint, 4);
        var fifth = await refused;
        sink.Release();
        var answered = await Task.WhenAll(admitted);

        Assert.Equal(429, fifth.Response.StatusCode);
        Assert.Equal("1", fifth.Response.Headers.RetryAfter.ToString());
        Assert.All(answered, c => Assert.Equal(200, c.Response.StatusCode));
        Assert.Equal(4 * 3, sink.Records);
    }

    private static async Task<HttpContext> Post(BatchEndpoint endpoint, int batch)
    {
        var lines = string.Join('\n', Enumerable.Range(0, 3).Select(i =>
            $$"""{"id":"b{{batch}}e{{i}}","host":"web1","dataset":"apache.access","message":"192.0.2.{{i + 1}} - - [22/Nov/2026:10:00:0{{i}} +0000] \"GET /p{{batch}} HTTP/1.1\" 200 12 \"-\" \"curl/8\""}"""));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(lines));
        }

        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(compressed.ToArray());
        context.Request.ContentLength = compressed.Length;
        context.Request.Headers.ContentEncoding = "gzip";
        context.Response.Body = new MemoryStream();
        await endpoint.HandleAsync(context);
        return context;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "the batches did not all reach the store");
            await Task.Delay(5); // polling interval, bounded by the deadline above
        }
    }

    /// <summary>A store whose writes wait until released, as a busy single writer does; counts who is waiting.</summary>
    private sealed class HeldSink : ILogSink
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;
        private int _records;

        public int Waiting => Volatile.Read(ref _waiting);

        public int Records => Volatile.Read(ref _records);

        public void Release() => _release.SetResult();

        public async Task<WriteResult> WriteAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            await _release.Task.WaitAsync(cancellationToken);
            Interlocked.Add(ref _records, records.Count);
            return new WriteResult([.. records.Select(_ => new WriteOutcome(WriteStatus.Stored))]);
        }
    }
}
