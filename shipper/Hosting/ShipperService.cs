using System.Threading.Channels;
using LogPipeline.Shipper.Batching;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Forwarding;
using LogPipeline.Shipper.Framing;
using LogPipeline.Shipper.Metrics;
using LogPipeline.Shipper.Tailing;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Hosting;

/// <summary>
/// Wires the pipeline: tail loop → bounded chunk channel (Wait) → batcher → bounded batch channel (Wait) → forwarder
/// (up to <see cref="IngestOptions.MaxInFlight"/> batches awaiting acknowledgement), with a checkpoint writer beside it. Stopping is ordered: stop reading, let the batcher flush, wait for the last
/// acknowledgements up to <see cref="ShipperOptions.ShutdownTimeout"/>, then write the final checkpoint.
/// </summary>
internal sealed partial class ShipperService(ShipperOptions options, TimeProvider time, ILoggerFactory loggers)
{
    public const int ChunkCapacity = 16;
    public const int BatchCapacity = 2;
    private readonly ILogger _logger = loggers.CreateLogger("shipper");

    public ShipperMetrics Metrics { get; } = new();

    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs until <paramref name="stop"/> fires; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        var store = new CheckpointStore(options.StateDir);
        var load = store.Load();
        if (load.Error is not null)
        {
            LogStateError(_logger, load.Error, store.FilePath);
            return 1;
        }

        foreach (var file in load.File.Files)
        {
            file.ReadOffset = file.AckedOffset; // Whatever was read but not acknowledged is read again.
        }

        var registry = new CheckpointRegistry(options.Name, load.File.Files);
        var chunks = Channel.CreateBounded<EventChunk>(new BoundedChannelOptions(ChunkCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true,
        });
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(BatchCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true,
        });

        using var client = new IngestClient(options.Ingest, time);
        var tailer = new Tailer(options, registry, chunks.Writer, Metrics, time, loggers.CreateLogger("tail"), load.FirstStart);
        var batcher = new Batcher(options.Batch, options.Name, chunks.Reader, batches.Writer, time);
        var forwarder = new Forwarder(options.Ingest, client, registry, new DeadLetterWriter(options.StateDir, time), Metrics, time,
            loggers.CreateLogger("forward"));
        using var watcher = new DirectoryWatcher(tailer.Globs, tailer.Wake, tailer.Rescan, _logger);
        tailer.UseWatchers(watcher.AllWatched);
        using var hard = new CancellationTokenSource();
        if (options.Ingest.InsecureSkipVerify)
        {
            LogInsecure(_logger);
        }

        LogStarted(_logger, options.Name, options.Inputs.Count, string.Join(", ", options.Ingest.Urls), load.File.Files.Count);

        // A sender that fails (a bug, or a dead-letter file that cannot be written) stops the whole shipper with exit
        // code 1 rather than leaving it alive but shipping nothing; systemd restarts it (Restart=always) and the
        // batches not handled are re-sent from the checkpoints.
        using var sendFailed = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var batchTask = batcher.RunAsync(hard.Token);
        var sendTask = forwarder.RunAsync(batches.Reader, hard.Token);
        _ = sendTask.ContinueWith(_ => sendFailed.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var tailTask = RunTailAsync(tailer, chunks.Writer, sendFailed.Token);
        var persistTask = PersistAsync(store, registry, sendTask);
        var heartbeatTask = new Heartbeat(registry, client, time).RunAsync(sendFailed.Token);

        await tailTask;
        LogStopping(_logger, options.ShutdownTimeout.TotalSeconds);
        hard.CancelAfter(options.ShutdownTimeout);
        await Quietly(batchTask);
        var failure = await FailureOf(sendTask);
        await persistTask;
        await heartbeatTask;
        Save(store, registry);
        if (failure is not null)
        {
            LogSendFailed(_logger, failure.Message, failure);
            return 1;
        }

        LogStopped(_logger, Metrics.EventsSent.Value);
        return 0;
    }

    /// <summary>The exception that ended <paramref name="task"/>, other than the shutdown bound passing.</summary>
    private static async Task<Exception?> FailureOf(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (OperationCanceledException)
        {
            return null; // The shutdown bound passed: what was not acknowledged is re-sent after restart.
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static async Task RunTailAsync(Tailer tailer, ChannelWriter<EventChunk> writer, CancellationToken stop)
    {
        try
        {
            await tailer.RunAsync(stop);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>Saves after a change, at most once per <see cref="CheckpointInterval"/>; sleeps while nothing changes.</summary>
    private async Task PersistAsync(CheckpointStore store, CheckpointRegistry registry, Task until)
    {
        using var stop = new CancellationTokenSource();
        _ = until.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
        try
        {
            while (true)
            {
                await registry.WaitForChangeAsync(stop.Token);
                await Task.Delay(CheckpointInterval, time, stop.Token);
                Save(store, registry);
            }
        }
        catch (OperationCanceledException)
        {
            // The sender finished: the caller writes the final checkpoint.
        }
    }

    private void Save(CheckpointStore store, CheckpointRegistry registry)
    {
        var (file, version) = registry.Snapshot();
        try
        {
            store.Save(file);
            registry.MarkSaved(version);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Retried at the next interval; the acknowledged offsets stay in memory meanwhile.
            LogSaveFailed(_logger, store.FilePath, e.Message);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // The shutdown bound passed: what was not acknowledged is re-sent after restart.
        }
    }
}
