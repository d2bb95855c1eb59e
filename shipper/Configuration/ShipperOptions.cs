namespace LogPipeline.Shipper.Configuration;

/// <summary>The whole shipper configuration, validated at start-up by <see cref="ConfigLoader"/>.</summary>
internal sealed class ShipperOptions
{
    /// <summary>The host name sent with every event (<c>host.name</c>); the machine name by default.</summary>
    public string Name { get; set; } = Environment.MachineName;

    public string StateDir { get; set; } = "";

    public IngestOptions Ingest { get; } = new();

    public BatchOptions Batch { get; } = new();

    public List<InputOptions> Inputs { get; } = [];

    /// <summary>Where the shipper's own log goes (rolled daily); null logs to stderr only.</summary>
    public string? LogFile { get; set; }

    /// <summary>Local address for the Prometheus text endpoint, e.g. <c>127.0.0.1:9108</c>; null disables it.</summary>
    public string? MetricsListen { get; set; }

    /// <summary>Most files held open at once; idle files beyond it are closed and re-opened on growth.</summary>
    public int MaxOpenFiles { get; set; } = 512;

    /// <summary>How long a stop waits for in-flight batches to be acknowledged.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
