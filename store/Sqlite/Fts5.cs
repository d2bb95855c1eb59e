using System.Text;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// Builds FTS5 query strings from user text without letting it become FTS5 syntax: every term is a double-quoted
/// FTS5 string (quotes doubled), which FTS5 reads as a phrase of the term's tokens, never as an operator or column.
/// The result is then bound as a parameter of <c>MATCH</c>, never written into SQL.
/// </summary>
internal static class Fts5
{
    public static string Quote(string term)
    {
        var sb = new StringBuilder(term.Length + 2);
        sb.Append('"');
        foreach (var c in term)
        {
            sb.Append(c);
            if (c == '"')
            {
                sb.Append('"');
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>A prefix query: the quoted term followed by FTS5's prefix marker.</summary>
    public static string QuotePrefix(string term) => Quote(term) + " *";

    /// <summary>All of the whitespace-separated words of <paramref name="text"/> (FTS5's implicit AND).</summary>
    public static string AllWords(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Quote));
}
