namespace LogPipeline.Store.Query;

/// <summary>The child does not match (events without the field match <c>NOT field:x</c>).</summary>
public sealed record NotNode(QueryNode Child) : QueryNode;
