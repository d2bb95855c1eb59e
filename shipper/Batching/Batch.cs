using LogPipeline.Shipper.Checkpoints;

namespace LogPipeline.Shipper.Batching;

/// <summary>
/// A gzip-compressed NDJSON request body and, per file, the offset acknowledged when ingest answers 200. The body's
/// memory is pooled: whoever finishes with the batch for good (acknowledged or dead-lettered) calls
/// <see cref="Release"/>; a batch dropped unsent (shutdown) is simply left to the garbage collector.
/// </summary>
internal sealed record Batch(ReadOnlyMemory<byte> Body, int Events, long RawBytes, IReadOnlyList<(FileCheckpoint File, long Offset)> Acks)
{
    public BodyBuffer? Owner { get; init; }

    public void Release() => Owner?.Return();
}
