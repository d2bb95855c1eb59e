namespace LogPipeline.Ingest.Pipeline;

/// <summary>One event of a shipper batch, as docs/protocol.md describes it, validated.</summary>
internal sealed record IncomingEvent
{
    public required string Id { get; init; }

    public required string Host { get; init; }

    public required string Dataset { get; init; }

    public required string Message { get; init; }

    /// <summary>True when the shipper sent <c>message_base64</c> because the bytes were not valid UTF-8.</summary>
    public bool InvalidUtf8 { get; init; }

    /// <summary>The base64 text as sent, when <see cref="InvalidUtf8"/>.</summary>
    public string? OriginalBase64 { get; init; }

    public string? File { get; init; }

    public string? Fingerprint { get; init; }

    public long? Offset { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];
}
