namespace LogPipeline.Shipper.Checkpoints;

/// <summary>The checkpoint file's content; <see cref="Version"/> changes when the format does.</summary>
internal sealed class CheckpointFile
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public string Host { get; set; } = "";

    public List<FileCheckpoint> Files { get; set; } = [];
}
