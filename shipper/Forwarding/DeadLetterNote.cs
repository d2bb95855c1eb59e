namespace LogPipeline.Shipper.Forwarding;

/// <summary>Why a batch (or some of its events) was set aside, written next to it in the dead-letter directory.</summary>
internal sealed class DeadLetterNote
{
    public string Url { get; set; } = "";

    public int Status { get; set; }

    public string Reason { get; set; } = "";

    public int Events { get; set; }

    public string Time { get; set; } = "";

    public List<IngestEventError> FailedEvents { get; set; } = [];
}
