namespace LogPipeline.Shipper.Configuration;

/// <summary>Where and how batches are sent.</summary>
internal sealed class IngestOptions
{
    public List<Uri> Urls { get; } = [];

    public LoadBalancing Mode { get; set; } = LoadBalancing.Failover;

    public string Token { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public const int MaxInFlightLimit = 16;

    /// <summary>
    /// Batches sent at once, each waiting for its own acknowledgement. Checkpoints still advance only over batches
    /// acknowledged together with every batch before them.
    /// </summary>
    public int MaxInFlight { get; set; } = 8;

    /// <summary>PEM file of the CA that signs the ingest certificate; null uses the system store.</summary>
    public string? CaFile { get; set; }

    /// <summary>Turns certificate checks off. Only by an explicit flag, and logged loudly at start.</summary>
    public bool InsecureSkipVerify { get; set; }

    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
