namespace LogPipeline.Shipper.Checkpoints;

/// <summary>The result of reading the checkpoint file: the content, whether this is the first start, or why it failed.</summary>
internal sealed record CheckpointLoad(CheckpointFile File, bool FirstStart, string? Error);
