using LogPipeline.Shipper.Batching;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Metrics;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// Sends batches in order, one at a time, until each is acknowledged or refused for good. Retries (network errors,
/// timeouts, 429, 5xx) wait with capped, jittered exponential backoff, so a dead ingest never makes it spin; with
/// several URLs a failure moves to the next one. After a 200 the files' acknowledged offsets advance; a refused batch
/// is written to the dead-letter directory with the server's reason and then counts as handled.
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
    private readonly Backoff _backoff = new(options.RetryInitialDelay, options.RetryMaxDelay, new Random());
    private int _next;

    /// <summary>Delivers one batch; returns false only when <paramref name="cancellationToken"/> stopped it first.</summary>
    public async Task<bool> DeliverAsync(Batch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
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
                case SendOutcomeKind.Acknowledged:
                    Acknowledged(batch, url, outcome);
                    return true;
                case SendOutcomeKind.Rejected:
                    Reject(batch, url, outcome);
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

    private void Acknowledged(Batch batch, Uri url, SendOutcome outcome)
    {
        registry.Acknowledge(batch.Acks, time.GetUtcNow().ToUnixTimeMilliseconds());
        metrics.EventsSent.Add(batch.Events);
        metrics.BatchesSent.Add(1);
        metrics.BytesSent.Add(batch.Body.Length);
        if (outcome.Response is { Failed: > 0 } response)
        {
            var path = deadLetters.Write(batch, new DeadLetterNote
            {
                Url = url.ToString(), Status = 200, Reason = "ingest refused some events", FailedEvents = response.Errors,
            });
            metrics.EventsFailed.Add(response.Failed);
            LogPartial(logger, response.Failed, batch.Events, path, response.Errors.FirstOrDefault()?.Reason ?? "");
        }
    }

    private void Reject(Batch batch, Uri url, SendOutcome outcome)
    {
        var path = deadLetters.Write(batch, new DeadLetterNote { Url = url.ToString(), Status = outcome.Status, Reason = outcome.Reason });
        metrics.EventsFailed.Add(batch.Events);
        var hint = outcome.Status switch
        {
            401 or 403 => "check ingest.token in the configuration",
            413 => "lower batch.max_events / batch.max_bytes or max_line_bytes",
            _ => "see the reason; the batch was set aside",
        };
        LogRejected(logger, url, outcome.Status, outcome.Reason, batch.Events, path, hint);
        SetError(batch, $"{outcome.Status} {outcome.Reason} (dead-lettered)");
        registry.Acknowledge(batch.Acks, time.GetUtcNow().ToUnixTimeMilliseconds());
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
