using LogPipeline.Store.Query;

namespace LogPipeline.Store.Sqlite;

/// <summary>Query text → parameterised WHERE condition; a query that does not parse throws <see cref="QuerySyntaxException"/>.</summary>
internal static class SqliteFilterCompiler
{
    public static SqlFilter Compile(string? query) => SqliteQueryCompiler.Compile(LogQuery.Parse(query).GetQueryOrThrow());
}
