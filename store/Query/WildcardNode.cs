namespace LogPipeline.Store.Query;

/// <summary>
/// A pattern with <c>*</c> (any run of characters) and <c>?</c> (one character); <c>\*</c>, <c>\?</c> and <c>\\</c>
/// stand for the characters themselves. On text it matches single words, elsewhere the whole value.
/// </summary>
public sealed record WildcardNode(string? Field, string Pattern) : QueryNode;
