using System.Globalization;
using LogPipeline.Store.Query;

namespace LogPipeline.Store.Sqlite;

internal sealed partial class SqliteQueryCompiler
{
    /// <summary>
    /// The FTS5 expression for a node made only of text matches (terms, phrases and one-word prefixes on free text or
    /// <c>message</c>, and AND / OR / AND NOT of those), or null. User text appears only inside FTS5 strings.
    /// </summary>
    private static string? Fts(QueryNode node)
    {
        switch (node)
        {
            case TermNode { Field: null or QueryFields.Message } term:
                return Column(term.Field) + Fts5.Quote(term.Value);
            case WildcardNode { Field: null or QueryFields.Message } wildcard when WildcardPattern.IsPrefix(wildcard.Pattern, out var prefix) && prefix.All(char.IsLetterOrDigit):
                return Column(wildcard.Field) + Fts5.QuotePrefix(prefix);
            case OrNode or:
                var any = or.Children.Select(Fts).ToList();
                return any.All(p => p is not null) ? "(" + string.Join(" OR ", any) + ")" : null;
            case AndNode and:
                var (positive, negative, rest) = Partition(and);
                return rest.Count > 0 || positive.Count == 0 ? null : FtsAnd(positive, negative);
            default:
                return null;
        }
    }

    /// <summary>Splits an AND into text parts, negated text parts, and the rest.</summary>
    private static (List<string> Positive, List<string> Negative, List<QueryNode> Others) Partition(AndNode and)
    {
        var (positive, negative, rest) = (new List<string>(), new List<string>(), new List<QueryNode>());
        foreach (var child in and.Children)
        {
            if (Fts(child) is { } p)
            {
                positive.Add(p);
            }
            else if (child is NotNode { Child: var inner } && Fts(inner) is { } n)
            {
                negative.Add(n);
            }
            else
            {
                rest.Add(child);
            }
        }

        return (positive, negative, rest);
    }

    private static string FtsAnd(List<string> positive, List<string> negative)
    {
        var all = "(" + string.Join(" AND ", positive) + ")";
        return negative.Count == 0 ? all : all + " NOT (" + string.Join(" OR ", negative) + ")";
    }

    private static string Column(string? field) => field is null ? string.Empty : "message : ";

    /// <summary>
    /// Wildcards and regexes on text match single words, as in a search engine: the matching words are looked up in
    /// the day's FTS5 vocabulary and OR-ed into one MATCH expression (each a quoted FTS5 string).
    /// </summary>
    private string VocabularyCondition(string? field, string termCondition)
    {
        var column = field is null ? string.Empty : " AND col = 'message'";
        var prefix = field is null ? string.Empty : "message : ";
        return "rowid IN (SELECT rowid FROM fts WHERE fts MATCH (SELECT '" + prefix + "(' || coalesce(group_concat('\"' || term || '\"', ' OR '), '\"\"') || ')'"
            + " FROM (SELECT DISTINCT term FROM fts_vocab WHERE " + termCondition + column + ")))";
    }

    private string EmitRange(RangeNode range)
    {
        var kind = QueryFields.KindOf(range.Field);
        var column = SqliteColumns.ColumnOf(range.Field);
        Func<string, object> value = kind switch
        {
            FieldKind.Number => v => long.Parse(v, CultureInfo.InvariantCulture),
            FieldKind.Time => v => TimeValue(v),
            FieldKind.Dynamic when (range.Lower is null || QueryValues.TryParseDouble(range.Lower, out _))
                                   && (range.Upper is null || QueryValues.TryParseDouble(range.Upper, out _)) =>
                v => double.Parse(v, CultureInfo.InvariantCulture),
            _ => v => v,
        };
        var target = column ?? "value";
        var parts = new List<string>(2);
        if (range.Lower is not null)
        {
            parts.Add($"{target} {(range.IncludeLower ? ">=" : ">")} {Add(value(range.Lower))}");
        }

        if (range.Upper is not null)
        {
            parts.Add($"{target} {(range.IncludeUpper ? "<=" : "<")} {Add(value(range.Upper))}");
        }

        var condition = "(" + string.Join(" AND ", parts) + ")";
        return column is null ? AnyElement(range.Field, condition) : condition;
    }
}
