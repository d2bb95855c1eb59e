using System.Text;
using System.Text.RegularExpressions;

namespace LogPipeline.Store.Query;

/// <summary>
/// The regular expressions the query language accepts: the subset on which Lucene (Elasticsearch <c>regexp</c>) and
/// .NET agree — literals, <c>.</c>, classes, groups, alternation, <c>* + ? {n,m}</c> — always matching the whole
/// value. Evaluated with .NET's non-backtracking engine, so no pattern can take exponential time.
/// </summary>
internal static class LuceneRegex
{
    public const int MaxLength = 1000;

    /// <summary>Null when <paramref name="pattern"/> is accepted; otherwise the problem and its offset in the pattern.</summary>
    public static (string Message, int Offset)? Check(string pattern)
    {
        if (pattern.Length > MaxLength)
        {
            return ($"the regular expression is {pattern.Length} characters long; the limit is {MaxLength}.", 0);
        }

        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return ("the regular expression ends with a lone '\\'.", i);
                }

                if (char.IsAsciiLetterOrDigit(pattern[i + 1]))
                {
                    return ($"'\\{pattern[i + 1]}' is not supported in regular expressions: write a class such as [0-9] or [a-z].", i);
                }

                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
                i += i + 1 < pattern.Length && pattern[i + 1] == '^' ? 1 : 0;
            }
            else if (c is '^' or '$')
            {
                return ($"'{c}' is not needed: regular expressions always match the whole value (escape it as \\{c} to match the character).", i);
            }
            else if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                return ("'(?' groups are not supported in regular expressions.", i);
            }
            else if (c == '"')
            {
                return ("escape '\"' as \\\" in regular expressions.", i);
            }
        }

        try
        {
            _ = Create(pattern, ignoreCase: false);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return ($"the regular expression does not compile: {e.Message}", 0);
        }
    }

    /// <summary>A .NET regex matching exactly the values the pattern matches as a whole.</summary>
    public static Regex Create(string pattern, bool ignoreCase)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline;
        return new Regex(Anchored(pattern), ignoreCase ? options | RegexOptions.IgnoreCase : options, TimeSpan.FromSeconds(1));
    }

    private static string Anchored(string pattern) => new StringBuilder(pattern.Length + 6).Append("^(?:").Append(pattern).Append(")$").ToString();
}
