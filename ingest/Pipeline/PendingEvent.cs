using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>
/// A finished document waiting to be written, with its id; <paramref name="TimedByIngestClock"/> when the document
/// had no time of its own and got ingest's clock (a re-send then carries another time: the store finds it by id alone).
/// </summary>
internal readonly record struct PendingEvent(string Id, EcsDocument Document, bool TimedByIngestClock = false);
