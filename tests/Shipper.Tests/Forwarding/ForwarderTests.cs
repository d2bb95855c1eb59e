using System.Threading.Channels;
using LogPipeline.Shipper.Batching;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Forwarding;
using LogPipeline.Shipper.Metrics;
using LogPipeline.Shipper.Tests.Batching;
using LogPipeline.Shipper.Tests.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Shipper.Tests.Forwarding;

public sealed class ForwarderTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("shipper-fw-").FullName;
    private readonly FileCheckpoint _file = ChunkBuilder.File();
    private TestReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await TestReceiver.StartNewAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    private (Forwarder Forwarder, CheckpointRegistry Registry, ShipperMetrics Metrics) Create(string token, params string[] urls)
    {
        var options = new IngestOptions { Token = token, RetryInitialDelay = TimeSpan.FromMilliseconds(20), RetryMaxDelay = TimeSpan.FromMilliseconds(200) };
        options.Urls.AddRange(urls.Select(u => new Uri(u)));
        var registry = new CheckpointRegistry("h", [_file]);
        var metrics = new ShipperMetrics();
        var forwarder = new Forwarder(options, new IngestClient(options, TimeProvider.System), registry,
            new DeadLetterWriter(_state, TimeProvider.System), metrics, TimeProvider.System, NullLogger.Instance);
        return (forwarder, registry, metrics);
    }

    private Batch OneBatch(long startOffset = 0)
    {
        using var encoder = new BatchEncoder("h");
        var chunk = ChunkBuilder.Lines(_file, ChunkBuilder.Input(), startOffset, "a"u8.ToArray(), "b"u8.ToArray());
        foreach (var slice in chunk.Events)
        {
            encoder.Add(chunk, slice);
        }

        return encoder.Finish();
    }

    [Fact]
    public async Task Deliver_503ThenOk_RetriesThenAdvancesAck()
    {
        var (forwarder, _, metrics) = Create(TestReceiver.Token, _receiver.Url);
        _receiver.ForcedStatus = 503;

        var delivery = forwarder.DeliverAsync(OneBatch(), CancellationToken.None);
        await TestReceiver.WaitUntilAsync(() => _receiver.Requests >= 2, TimeSpan.FromSeconds(10), () => "a retried request");
        Assert.Equal(0, _file.AckedOffset);
        _receiver.ForcedStatus = null;

        Assert.True(await delivery);
        Assert.Equal(4, _file.AckedOffset);
        Assert.Equal(2, _receiver.Count);
        Assert.True(metrics.Retries.Value >= 1);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(413)]
    public async Task Deliver_PermanentError_DeadLetteredWithReasonNotRetried(int status)
    {
        var (forwarder, _, metrics) = Create(TestReceiver.Token, _receiver.Url);
        _receiver.ForcedStatus = status;

        Assert.True(await forwarder.DeliverAsync(OneBatch(), CancellationToken.None));

        Assert.Equal(1, _receiver.Requests);
        var dir = Path.Combine(_state, "dead-letter");
        Assert.Single(Directory.GetFiles(dir, "*.ndjson.gz"));
        var note = File.ReadAllText(Assert.Single(Directory.GetFiles(dir, "*.json")));
        Assert.Contains($"\"status\":{status}", note);
        Assert.Contains($"forced {status} by the test", note);
        Assert.Equal(4, _file.AckedOffset);
        Assert.Equal(2, metrics.EventsFailed.Value);
    }

    [Fact]
    public async Task Deliver_WrongToken_401DeadLettered()
    {
        var (forwarder, _, _) = Create("wrong", _receiver.Url);

        await forwarder.DeliverAsync(OneBatch(), CancellationToken.None);

        Assert.Contains("unknown token", File.ReadAllText(Directory.GetFiles(Path.Combine(_state, "dead-letter"), "*.json").Single()));
        Assert.Equal(0, _receiver.Count);
    }

    [Fact]
    public async Task Deliver_FirstUrlRefusesConnections_FailsOverToSecond()
    {
        var (forwarder, _, _) = Create(TestReceiver.Token, "http://127.0.0.1:1", _receiver.Url);

        Assert.True(await forwarder.DeliverAsync(OneBatch(), CancellationToken.None));

        Assert.Equal(2, _receiver.Count);
        Assert.Equal(4, _file.AckedOffset);
    }

    [Fact]
    public async Task Deliver_CancelledWhileRetrying_ReturnsFalseWithoutAck()
    {
        var (forwarder, _, _) = Create(TestReceiver.Token, _receiver.Url);
        _receiver.ForcedStatus = 500;
        using var stop = new CancellationTokenSource();

        var delivery = forwarder.DeliverAsync(OneBatch(), stop.Token);
        await TestReceiver.WaitUntilAsync(() => _receiver.Requests >= 1, TimeSpan.FromSeconds(10), () => "a first request");
        await stop.CancelAsync();

        Assert.False(await delivery);
        Assert.Equal(0, _file.AckedOffset);
    }

    /// <summary>The receiver answers the batch holding offset 0 only once <paramref name="gate"/> completes.</summary>
    private static Func<IReadOnlyList<ReceivedEvent>, Task<bool>> HoldFirstBatchUntil(Task gate) => async events =>
    {
        if (events.Any(e => e.Offset == 0))
        {
            await gate;
        }

        return true;
    };

    [Fact]
    public async Task Run_FirstBatchAnsweredLast_AckedOffsetWaitsThenCoversAll()
    {
        var (forwarder, _, metrics) = Create(TestReceiver.Token, _receiver.Url);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver.BeforeAnswer = HoldFirstBatchUntil(release.Task);
        var batches = Channel.CreateUnbounded<Batch>();
        foreach (var start in new long[] { 0, 4, 8 })
        {
            batches.Writer.TryWrite(OneBatch(start));
        }

        batches.Writer.Complete();

        var run = forwarder.RunAsync(batches.Reader, CancellationToken.None);
        await TestReceiver.WaitUntilAsync(() => metrics.BatchesSent.Value >= 2, TimeSpan.FromSeconds(10), () => "the two later batches acknowledged");
        Assert.Equal(0, _file.AckedOffset);
        Assert.Equal(3, forwarder.Pending);

        release.SetResult();
        await run;

        Assert.Equal(12, _file.AckedOffset);
        Assert.Equal(0, forwarder.Pending);
        Assert.Equal(6, _receiver.Count);
    }

    [Fact]
    public async Task Run_StoppedWithFirstBatchUnanswered_LaterAcksNeverApplied()
    {
        var (forwarder, _, metrics) = Create(TestReceiver.Token, _receiver.Url);
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver.BeforeAnswer = HoldFirstBatchUntil(never.Task);
        var batches = Channel.CreateUnbounded<Batch>();
        batches.Writer.TryWrite(OneBatch(0));
        batches.Writer.TryWrite(OneBatch(4));
        using var stop = new CancellationTokenSource();

        var run = forwarder.RunAsync(batches.Reader, stop.Token);
        await TestReceiver.WaitUntilAsync(() => metrics.BatchesSent.Value >= 1, TimeSpan.FromSeconds(10), () => "the second batch acknowledged");
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(0, _file.AckedOffset);
        never.SetResult();
    }

    [Fact]
    public async Task Deliver_RefusedAndDeadLetterUnwritable_ThrowsWithoutAdvancingAck()
    {
        var (forwarder, _, metrics) = Create(TestReceiver.Token, _receiver.Url);
        _receiver.ForcedStatus = 400;
        File.WriteAllText(Path.Combine(_state, "dead-letter"), "a file where the dead-letter directory should be");

        await Assert.ThrowsAnyAsync<IOException>(() => forwarder.DeliverAsync(OneBatch(), CancellationToken.None));

        Assert.Equal(0, _file.AckedOffset);
        Assert.Equal(0, metrics.EventsFailed.Value);
    }

    [Fact]
    public async Task Run_DeliveryFailsUnexpectedly_StopsAndRethrowsWithoutWaitingForMoreBatches()
    {
        var (forwarder, _, _) = Create(TestReceiver.Token, _receiver.Url);
        _receiver.ForcedStatus = 413;
        File.WriteAllText(Path.Combine(_state, "dead-letter"), "a file where the dead-letter directory should be");
        var batches = Channel.CreateUnbounded<Batch>();
        batches.Writer.TryWrite(OneBatch(0)); // The channel stays open: the sender must stop on its own.

        var run = forwarder.RunAsync(batches.Reader, CancellationToken.None);

        await Assert.ThrowsAnyAsync<IOException>(() => run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, _file.AckedOffset);
    }
}
