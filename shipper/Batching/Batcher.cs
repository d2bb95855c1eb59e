using System.Threading.Channels;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Framing;

namespace LogPipeline.Shipper.Batching;

/// <summary>
/// The one consumer of the chunk channel: encodes events into the current batch and cuts it by event count, by
/// uncompressed bytes, or by the age of its oldest event, whichever comes first. Ends (after a last flush) when the
/// chunk channel is completed.
/// </summary>
internal sealed class Batcher(BatchOptions options, string host, ChannelReader<EventChunk> input, ChannelWriter<Batch> output, TimeProvider time)
{
    private long _firstEventTicks;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var encoder = new BatchEncoder(host);
        try
        {
            while (true)
            {
                if (encoder.Events == 0)
                {
                    if (!await input.WaitToReadAsync(cancellationToken))
                    {
                        break;
                    }
                }
                else
                {
                    var remaining = options.MaxAge - time.GetElapsedTime(_firstEventTicks);
                    if (remaining <= TimeSpan.Zero || !await WaitAsync(remaining, cancellationToken))
                    {
                        await output.WriteAsync(encoder.Finish(), cancellationToken);
                        continue;
                    }
                }

                while (input.TryRead(out var chunk))
                {
                    await AddAsync(encoder, chunk, cancellationToken);
                    if (encoder.Events > 0 && time.GetElapsedTime(_firstEventTicks) >= options.MaxAge)
                    {
                        await output.WriteAsync(encoder.Finish(), cancellationToken);
                    }
                }
            }
        }
        finally
        {
            output.TryComplete();
        }
    }

    private async Task AddAsync(BatchEncoder encoder, EventChunk chunk, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var slice in chunk.Events)
            {
                if (encoder.Events == 0)
                {
                    _firstEventTicks = time.GetTimestamp();
                }

                encoder.Add(chunk, slice);
                if (encoder.Events >= options.MaxEvents || encoder.RawBytes >= options.MaxBytes)
                {
                    await output.WriteAsync(encoder.Finish(), cancellationToken);
                }
            }
        }
        finally
        {
            chunk.Release();
        }
    }

    /// <summary>Waits for more input up to <paramref name="timeout"/>; false on timeout or when the input is completed.</summary>
    private async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await input.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
