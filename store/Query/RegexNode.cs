namespace LogPipeline.Store.Query;

/// <summary>
/// <c>/pattern/</c>: a regular expression (the common Lucene subset) that must match a whole word on text, or the
/// whole value elsewhere.
/// </summary>
public sealed record RegexNode(string? Field, string Pattern) : QueryNode;
