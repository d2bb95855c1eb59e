namespace LogPipeline.QueryUi.Hosts;

/// <summary>A shipper's latest status report as ingest keeps it (<c>&lt;data-dir&gt;/hosts/&lt;host&gt;.json</c>, docs/protocol.md).</summary>
internal sealed record Heartbeat(string Host, string? AgentVersion, DateTimeOffset? ReceivedAt, IReadOnlyList<HeartbeatFile> Files, string? Problem)
{
    public long LagBytes => Files.Sum(f => f.LagBytes);

    public string? LastError => Problem ?? Files.Select(f => f.LastError).FirstOrDefault(e => !string.IsNullOrEmpty(e));

    public DateTimeOffset? LastSend => Files.Select(f => f.LastSend).Where(s => s is not null).DefaultIfEmpty().Max();
}

/// <summary>One tailed file in a heartbeat.</summary>
internal sealed record HeartbeatFile(string Path, long Size, long AckedOffset, long LagBytes, string? LastError, DateTimeOffset? LastSend);
