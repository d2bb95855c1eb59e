namespace LogPipeline.Store.Sqlite;

/// <summary>Turns query text into a parameterised WHERE condition over a day's <c>events</c> table.</summary>
internal static class SqliteFilterCompiler
{
    /// <summary>Empty text matches everything; otherwise every word must occur in the message or the URL (FTS5).</summary>
    public static SqlFilter Compile(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return SqlFilter.All;
        }

        return new SqlFilter("rowid IN (SELECT rowid FROM fts WHERE fts MATCH $p0)", [Fts5.AllWords(query)]);
    }
}
