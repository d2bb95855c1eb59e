namespace LogPipeline.Store.Query;

/// <summary>The outcome of parsing query text: the tree, or an error message with its zero-based position.</summary>
public sealed record QueryParseResult
{
    public QueryNode? Query { get; init; }

    public string? Error { get; init; }

    public int ErrorPosition { get; init; }

    public bool Succeeded => Query is not null;

    public static QueryParseResult Success(QueryNode query) => new() { Query = query };

    public static QueryParseResult Failure(string error, int position) => new() { Error = error, ErrorPosition = position };

    /// <summary>The tree, or a <see cref="QuerySyntaxException"/> carrying the message and position.</summary>
    public QueryNode GetQueryOrThrow() => Query ?? throw new QuerySyntaxException(Error!, ErrorPosition);
}
