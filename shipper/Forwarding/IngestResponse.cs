namespace LogPipeline.Shipper.Forwarding;

/// <summary>The body of a 200 from <c>/v1/batches</c>.</summary>
internal sealed class IngestResponse
{
    public int Accepted { get; set; }

    public int Duplicates { get; set; }

    public int Failed { get; set; }

    public List<IngestEventError> Errors { get; set; } = [];
}
