using System.Text;

namespace LogPipeline.Store.Query;

/// <summary>Prints a tree as query text that parses back to the same tree (compound operands in parentheses).</summary>
internal static class QueryPrinter
{
    public static string Format(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sb = new StringBuilder();
        Write(sb, query);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, QueryNode node)
    {
        switch (node)
        {
            case MatchAllNode:
                sb.Append('*');
                break;
            case AndNode and:
                Join(sb, and.Children, " AND ");
                break;
            case OrNode or:
                Join(sb, or.Children, " OR ");
                break;
            case NotNode not:
                sb.Append("NOT ");
                Operand(sb, not.Child);
                break;
            case TermNode term:
                Field(sb, term.Field);
                Quoted(sb, term.Value);
                break;
            case WildcardNode wildcard:
                Field(sb, wildcard.Field);
                Wildcard(sb, wildcard.Pattern);
                break;
            case RegexNode regex:
                Field(sb, regex.Field);
                sb.Append('/').Append(regex.Pattern.Replace("/", "\\/", StringComparison.Ordinal)).Append('/');
                break;
            case RangeNode range:
                Field(sb, range.Field);
                sb.Append(range.IncludeLower ? '[' : '{');
                Bound(sb, range.Lower);
                sb.Append(" TO ");
                Bound(sb, range.Upper);
                sb.Append(range.IncludeUpper ? ']' : '}');
                break;
            case ExistsNode exists:
                sb.Append("_exists_:").Append(exists.Field);
                break;
            default:
                throw new ArgumentException($"Unknown query node {node.GetType().Name}.", nameof(node));
        }
    }

    private static void Join(StringBuilder sb, IReadOnlyList<QueryNode> children, string op)
    {
        for (var i = 0; i < children.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : op);
            Operand(sb, children[i]);
        }
    }

    private static void Operand(StringBuilder sb, QueryNode node)
    {
        var compound = node is AndNode or OrNode;
        sb.Append(compound ? "(" : string.Empty);
        Write(sb, node);
        sb.Append(compound ? ")" : string.Empty);
    }

    private static void Field(StringBuilder sb, string? field)
    {
        if (field is not null)
        {
            sb.Append(field).Append(':');
        }
    }

    private static void Quoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            sb.Append(c is '"' or '\\' ? "\\" : string.Empty).Append(c);
        }

        sb.Append('"');
    }

    private static void Bound(StringBuilder sb, string? bound)
    {
        if (bound is null)
        {
            sb.Append('*');
        }
        else
        {
            Quoted(sb, bound);
        }
    }

    /// <summary>The pattern is already in escaped form for <c>* ? \</c>; every other non-alphanumeric gets a backslash.</summary>
    private static void Wildcard(StringBuilder sb, string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(c).Append(pattern[++i]);
            }
            else
            {
                sb.Append(char.IsLetterOrDigit(c) || c is '*' or '?' ? string.Empty : "\\").Append(c);
            }
        }
    }
}
