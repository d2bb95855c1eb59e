namespace LogPipeline.Store;

/// <summary>
/// One event as the store receives it: its id, its time, the whole ECS document as JSON, and the values of the
/// fields that stores index as typed columns (null when the event has no such field).
/// </summary>
public sealed record LogRecord
{
    /// <summary>Deterministic event id: the shipper's (host, fingerprint, offset) id, or a content hash.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// True when <see cref="Timestamp"/> is not the event's own time but the ingest clock's (the line had no time that
    /// could be parsed): a re-send then carries another timestamp, possibly of the next UTC day, so a store that
    /// partitions by day also looks for the id in the previous day.
    /// </summary>
    public bool TimestampFromIngestClock { get; init; }

    /// <summary>The whole ECS document as compact JSON (includes <c>@timestamp</c>).</summary>
    public required string DocumentJson { get; init; }

    public string? Host { get; init; }

    public string? Dataset { get; init; }

    public string? FilePath { get; init; }

    public string? SourceIp { get; init; }

    public string? Method { get; init; }

    public int? Status { get; init; }

    public long? Bytes { get; init; }

    public string? UrlPath { get; init; }

    public string? UrlOriginal { get; init; }

    public string? UserAgent { get; init; }

    public string? Message { get; init; }

    public long? Offset { get; init; }
}
