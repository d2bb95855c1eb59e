using LogPipeline.Shipper.Checkpoints;

namespace LogPipeline.Shipper.Batching;

/// <summary>A gzip-compressed NDJSON request body and, per file, the offset acknowledged when ingest answers 200.</summary>
internal sealed record Batch(byte[] Body, int Events, long RawBytes, IReadOnlyList<(FileCheckpoint File, long Offset)> Acks);
