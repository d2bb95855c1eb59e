namespace LogPipeline.Shipper.Forwarding;

/// <summary>One event ingest refused permanently: its line index in the batch, its id and why.</summary>
internal sealed class IngestEventError
{
    public int Index { get; set; }

    public string? Id { get; set; }

    public string? Reason { get; set; }
}
