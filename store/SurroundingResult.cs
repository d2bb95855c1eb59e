namespace LogPipeline.Store;

/// <summary>The event and its neighbours from the same host and file, each list oldest first; Anchor null if the id is unknown.</summary>
public sealed record SurroundingResult
{
    public SearchHit? Anchor { get; init; }

    public IReadOnlyList<SearchHit> Before { get; init; } = [];

    public IReadOnlyList<SearchHit> After { get; init; } = [];
}
