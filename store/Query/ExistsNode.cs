namespace LogPipeline.Store.Query;

/// <summary><c>_exists_:field</c> or <c>field:*</c>: the event has a value for the field.</summary>
public sealed record ExistsNode(string Field) : QueryNode;
