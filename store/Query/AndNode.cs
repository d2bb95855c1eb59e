namespace LogPipeline.Store.Query;

/// <summary>Every child matches. Children are compared in order for equality.</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    public bool Equals(AndNode? other) => other is not null && Children.SequenceEqual(other.Children);

    public override int GetHashCode() => Children.Aggregate(17, (h, c) => HashCode.Combine(h, c));
}
