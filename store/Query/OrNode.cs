namespace LogPipeline.Store.Query;

/// <summary>At least one child matches. Children are compared in order for equality.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    public bool Equals(OrNode? other) => other is not null && Children.SequenceEqual(other.Children);

    public override int GetHashCode() => Children.Aggregate(31, (h, c) => HashCode.Combine(h, c));
}
