namespace LogPipeline.Ingest.Pipeline;

/// <summary>When a batch was ingested: the time (for events without one) and its ECS text (<c>event.ingested</c>).</summary>
internal readonly record struct IngestClock(DateTimeOffset Time, string Text);
