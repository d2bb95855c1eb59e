namespace LogPipeline.Store.Query;

/// <summary>Matches every event: the empty query, <c>*</c> and <c>*:*</c>.</summary>
public sealed record MatchAllNode : QueryNode
{
    public static MatchAllNode Instance { get; } = new();
}
