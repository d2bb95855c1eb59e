namespace LogPipeline.Shipper.Configuration;

/// <summary>When the batcher cuts a batch: whichever limit is reached first.</summary>
internal sealed class BatchOptions
{
    public int MaxEvents { get; set; } = 1000;

    /// <summary>Uncompressed NDJSON bytes per batch.</summary>
    public int MaxBytes { get; set; } = 1 << 20;

    /// <summary>Oldest event's age at which a batch is sent even if not full.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMilliseconds(500);
}
