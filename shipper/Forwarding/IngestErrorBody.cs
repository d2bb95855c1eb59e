namespace LogPipeline.Shipper.Forwarding;

/// <summary>The body of an error answer: <c>{"error": "…"}</c>.</summary>
internal sealed class IngestErrorBody
{
    public string? Error { get; set; }
}
