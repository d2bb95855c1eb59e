namespace LogPipeline.Shipper.Forwarding;

/// <summary>What one attempt to send a batch came to.</summary>
internal enum SendOutcomeKind
{
    /// <summary>200: every event was handled; the checkpoint may advance.</summary>
    Acknowledged,

    /// <summary>Network error, timeout, 429 or 5xx: send the same batch again after a delay.</summary>
    Retry,

    /// <summary>400, 401, 403, 413 or another 4xx: sending it again cannot help; it goes to the dead-letter directory.</summary>
    Rejected,
}

/// <summary>The outcome of one attempt, with the server's reason and its <c>Retry-After</c>, if any.</summary>
internal sealed record SendOutcome(SendOutcomeKind Kind, int Status, string Reason, TimeSpan? RetryAfter = null, IngestResponse? Response = null);
