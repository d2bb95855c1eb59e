namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>One event as the test receiver stored it (first copy wins, as in ingest).</summary>
internal sealed record ReceivedEvent(string Id, string File, string Fingerprint, long Offset, string Message, IReadOnlyList<string> Tags);
