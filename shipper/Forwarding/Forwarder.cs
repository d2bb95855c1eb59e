using System.Threading.Channels;
using LogPipeline.Shipper.Batching;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Metrics;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// Sends batches, up to <see cref="IngestOptions.MaxInFlight"/> at once, each until it is acknowledged or refused for
/// good. Retries (network errors, timeouts, 429, 5xx) wait with capped, jittered exponential backoff, so a dead ingest
/// never makes it spin; with several URLs a failure moves to the next one. A refused batch is written to the
/// dead-letter directory with the server's reason and then counts as handled. The files' acknowledged offsets advance
/// through an <see cref="AckWindow"/>: only over batches that are handled together with every batch cut before them.
/// </summary>
internal sealed partial class Forwarder(
    IngestOptions options,
    IngestClient client,
    CheckpointRegistry registry,
    DeadLetterWriter deadLetters,
    ShipperMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private readonly Backoff _backoff = new(options.RetryInitialDelay, options.RetryMaxDelay, Random.Shared);
    private readonly AckWindow _window = new(registry, time);
    private int _next;

    /// <summary>Batches sent or being sent whose offsets have not reached the checkpoints yet.</summary>
    public int Pending => _window.Pending;

    /// <summary>
    /// Sends every batch of <paramref name="batches"/> with up to <see cref="IngestOptions.MaxInFlight"/> deliveries at
    /// once, until the channel is completed. On cancellation the deliveries in flight end too (unacknowledged, so they
    /// are re-sent after restart); they are awaited before the cancellation is rethrown. A delivery that fails
    /// unexpectedly (e.g. the dead-letter file cannot be written) stops taking new batches at once and its exception is
    /// rethrown once the others have ended; its batch stays unhandled, so no checkpoint passes it.
    /// </summary>
    public async Task RunAsync(ChannelReader<Batch> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        using var slots = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task>();
        try
        {
            await foreach (var batch in batches.ReadAllAsync(failed.Token))
            {
                await slots.WaitAsync(failed.Token);
                running.RemoveAll(t => t.IsCompletedSuccessfully);
                running.Add(DeliverThenRelease(batch, slots, failed, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A delivery failed and cancelled the loop: its exception is rethrown just below.
        }
        finally
        {
            await Task.WhenAll(running);
        }
    }

    private async Task DeliverThenRelease(Batch batch, SemaphoreSlim slots, CancellationTokenSource failed, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// Delivers one batch; returns false only when <paramref name="cancellationToken"/> stopped it first. Its place in
    /// the acknowledgement order is taken before this returns, so batches must be passed in the order they were cut.
    /// </summary>
    public Task<bool> DeliverAsync(Batch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return DeliverAsync(batch, _window.Open(batch.Acks), cancellationToken);
    }

    private async Task<bool> DeliverAsync(Batch batch, AckWindow.Slot slot, CancellationToken cancellationToken)
    {
        var index = options.Mode == LoadBalancing.RoundRobin ? Interlocked.Increment(ref _next) : Volatile.Read(ref _next);
        for (var attempt = 0; ; attempt++)
        {
            var url = options.Urls[(int)((uint)index % (uint)options.Urls.Count)];
            SendOutcome outcome;
            try
            {
                outcome = await client.SendAsync(url, batch, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false; // Stopping: not acknowledged, so it is re-sent after restart.
            }

            switch (outcome.Kind)
            {
                // The refused events go to the dead-letter file before the batch counts as handled: if that write
                // fails, the slot stays open, no checkpoint passes the batch, and it is re-sent after a restart.
                case SendOutcomeKind.Acknowledged:
                    var partial = SetAsidePartial(batch, url, outcome);
                    _window.Handled(slot); // Before the metrics: once they count the batch, its place in the order is settled.
                    Acknowledged(batch, outcome, partial);
                    batch.Release();
                    return true;
                case SendOutcomeKind.Rejected:
                    var path = deadLetters.Write(batch, new DeadLetterNote { Url = url.ToString(), Status = outcome.Status, Reason = outcome.Reason });
                    _window.Handled(slot); // Before the error is noted: an acknowledgement clears a file's last error.
                    Reject(batch, url, outcome, path);
                    batch.Release();
                    return true;
            }

            metrics.Retries.Add(1);
            var delay = _backoff.Delay(attempt, outcome.RetryAfter);
            LogRetry(logger, url, outcome.Status, outcome.Reason, delay.TotalSeconds, attempt + 1);
            SetError(batch, $"{url}: {outcome.Status} {outcome.Reason}");
            index++;
            if (options.Mode == LoadBalancing.Failover)
            {
                Volatile.Write(ref _next, index);
            }

            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>Writes the events ingest refused out of an acknowledged batch to the dead-letter file; null when none.</summary>
    private string? SetAsidePartial(Batch batch, Uri url, SendOutcome outcome) =>
        outcome.Response is { Failed: > 0 } response
            ? deadLetters.Write(batch, new DeadLetterNote
            {
                Url = url.ToString(), Status = 200, Reason = "ingest refused some events", FailedEvents = response.Errors,
            })
            : null;

    private void Acknowledged(Batch batch, SendOutcome outcome, string? deadLetterPath)
    {
        metrics.EventsSent.Add(batch.Events);
        metrics.BatchesSent.Add(1);
        metrics.BytesSent.Add(batch.Body.Length);
        if (deadLetterPath is not null && outcome.Response is { } response)
        {
            metrics.EventsFailed.Add(response.Failed);
            LogPartial(logger, response.Failed, batch.Events, deadLetterPath, response.Errors.FirstOrDefault()?.Reason ?? "");
        }
    }

    private void Reject(Batch batch, Uri url, SendOutcome outcome, string path)
    {
        metrics.EventsFailed.Add(batch.Events);
        var hint = outcome.Status switch
        {
            401 or 403 => "check ingest.token in the configuration",
            413 => "lower batch.max_events / batch.max_bytes or max_line_bytes",
            _ => "see the reason; the batch was set aside",
        };
        LogRejected(logger, url, outcome.Status, outcome.Reason, batch.Events, path, hint);
        SetError(batch, $"{outcome.Status} {outcome.Reason} (dead-lettered)");
    }

    private void SetError(Batch batch, string error) =>
        registry.Update(() =>
        {
            foreach (var (file, _) in batch.Acks)
            {
                file.LastError = error;
            }
        });
}
