using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>A finished document waiting to be written, with its id.</summary>
internal readonly record struct PendingEvent(string Id, EcsDocument Document);
