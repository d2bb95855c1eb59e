namespace LogPipeline.Store;

/// <summary>A query that does not parse: the message says what is wrong and where (zero-based position).</summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException(string message, int position)
        : base(message) => Position = position;

    public QuerySyntaxException()
    {
    }

    public QuerySyntaxException(string message)
        : base(message)
    {
    }

    public QuerySyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Position { get; }
}
