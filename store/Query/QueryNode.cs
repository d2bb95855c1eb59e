namespace LogPipeline.Store.Query;

/// <summary>
/// A parsed query: one tree that both stores compile. Field names are canonical ECS names (aliases resolved);
/// a null field means free text (message and URL).
/// </summary>
public abstract record QueryNode;
