using LogPipeline.Ingest.Configuration;

namespace LogPipeline.Ingest.Endpoints;

/// <summary>The bound on batches processed at once (<see cref="IngestOptions.MaxConcurrentBatches"/>).</summary>
internal sealed class BatchGate : IDisposable
{
    public BatchGate(IngestOptions options) => Semaphore = new SemaphoreSlim(options.MaxConcurrentBatches, options.MaxConcurrentBatches);

    public SemaphoreSlim Semaphore { get; }

    public void Dispose() => Semaphore.Dispose();
}
