using System.Text;

namespace LogPipeline.QueryUi.Search;

/// <summary>Adds a <c>field:"value"</c> filter (in or out) to query text, quoting the value for the query language.</summary>
internal static class QueryEdit
{
    public static string FilterIn(string query, string field, string value) => Combine(query, $"{field}:{Quote(value)}");

    public static string FilterOut(string query, string field, string value) => Combine(query, $"NOT {field}:{Quote(value)}");

    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    private static string Combine(string query, string clause) =>
        string.IsNullOrWhiteSpace(query) ? clause : $"({query.Trim()}) AND {clause}";
}
