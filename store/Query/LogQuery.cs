namespace LogPipeline.Store.Query;

/// <summary>The query language: parse text into a <see cref="QueryNode"/> tree, and print a tree back as text.</summary>
public static class LogQuery
{
    /// <summary>Parses query text; never throws for bad input (the error and its position are in the result).</summary>
    public static QueryParseResult Parse(string? text) => QueryParser.Parse(text);

    /// <summary>Canonical text for a tree; parsing it gives the same tree.</summary>
    public static string Format(QueryNode query) => QueryPrinter.Format(query);
}
