namespace LogPipeline.Ingest.Pipeline;

/// <summary>Either the events of a batch, or the HTTP status and message that refuse it.</summary>
internal sealed record BatchReadResult(IReadOnlyList<IncomingEvent>? Events, int Status, string? Error)
{
    public static BatchReadResult Ok(IReadOnlyList<IncomingEvent> events) => new(events, 200, null);

    public static BatchReadResult Refuse(int status, string error) => new(null, status, error);
}
