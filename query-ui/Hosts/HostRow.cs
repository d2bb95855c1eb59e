namespace LogPipeline.QueryUi.Hosts;

/// <summary>One shipper on the hosts page: store activity plus its latest heartbeat (null: "no heartbeat").</summary>
/// <remarks>Public only because Razor components, which are public, take it as a parameter.</remarks>
public sealed record HostRow
{
    public required string Host { get; init; }

    public DateTimeOffset? LastEvent { get; init; }

    public double EventsPerMinute { get; init; }

    public long Events24h { get; init; }

    public DateTimeOffset? HeartbeatAt { get; init; }

    public string? AgentVersion { get; init; }

    public long? LagBytes { get; init; }

    public string? LastError { get; init; }

    public int Files { get; init; }

    /// <summary>Why the host needs a look (silent, no heartbeat, an error), or null when it looks healthy.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
