using System.Text;

namespace LogPipeline.Store.Query;

/// <summary>Reads wildcard patterns (<c>*</c>, <c>?</c>; <c>\*</c> <c>\?</c> <c>\\</c> literal) and rewrites them for SQLite.</summary>
internal static class WildcardPattern
{
    /// <summary>True when the only wildcard is one final <c>*</c>: <paramref name="prefix"/> gets the literal text before it.</summary>
    public static bool IsPrefix(string pattern, out string prefix)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(pattern[++i]);
            }
            else if (c is '*' or '?')
            {
                prefix = sb.ToString();
                return c == '*' && i == pattern.Length - 1 && prefix.Length > 0;
            }
            else
            {
                sb.Append(c);
            }
        }

        prefix = sb.ToString();
        return false;
    }

    /// <summary>A SQLite LIKE pattern (use with <c>ESCAPE '\'</c>): case-insensitive for ASCII.</summary>
    public static string ToLike(string pattern) => Rewrite(pattern, "%", "_", c => c is '%' or '_' or '\\' ? "\\" + c : c.ToString());

    /// <summary>A SQLite GLOB pattern: case-sensitive.</summary>
    public static string ToGlob(string pattern) => Rewrite(pattern, "*", "?", c => c is '*' or '?' or '[' ? "[" + c + "]" : c.ToString());

    private static string Rewrite(string pattern, string many, string one, Func<char, string> literal)
    {
        var sb = new StringBuilder(pattern.Length + 4);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(literal(pattern[++i]));
            }
            else
            {
                sb.Append(c == '*' ? many : c == '?' ? one : literal(c));
            }
        }

        return sb.ToString();
    }
}
