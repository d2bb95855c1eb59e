namespace LogPipeline.Store;

/// <summary>One host's matching events in the range, those since the request's RecentFrom, and the time of its newest.</summary>
public sealed record HostActivity(string Host, long Events, long RecentEvents, DateTimeOffset LastEvent);
