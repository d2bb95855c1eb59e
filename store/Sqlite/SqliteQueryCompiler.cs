using LogPipeline.Store.Query;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// Compiles a query tree into a WHERE condition over one day's <c>events</c> table. Every value goes into a parameter;
/// the SQL text holds only column names, operators and parameter names. Text (free text and <c>message</c>) goes
/// through FTS5 MATCH — adjacent text terms are merged into one MATCH expression — typed fields use their columns,
/// and other fields are read from the JSONB document with parameterised paths.
/// </summary>
internal sealed partial class SqliteQueryCompiler
{
    private readonly List<object> _parameters = [];

    private SqliteQueryCompiler()
    {
    }

    public static SqlFilter Compile(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query is MatchAllNode)
        {
            return SqlFilter.All;
        }

        var compiler = new SqliteQueryCompiler();
        var where = compiler.Emit(query);
        return new SqlFilter(where, compiler._parameters) { IsTextOnly = Fts(query) is not null, OnlyMinuteColumns = MinuteTable.Covers(query) };
    }

    private string Add(object value)
    {
        _parameters.Add(value);
        return SqlFilter.ParameterName(_parameters.Count - 1);
    }

    private string Emit(QueryNode node)
    {
        if (Fts(node) is { } match)
        {
            return FtsCondition(match);
        }

        return node switch
        {
            MatchAllNode => "1",
            AndNode and => EmitAnd(and),
            OrNode or => "(" + string.Join(" OR ", or.Children.Select(Emit)) + ")",
            NotNode not => "NOT IFNULL((" + Emit(not.Child) + "), 0)",
            TermNode term => EmitTerm(term),
            WildcardNode wildcard => EmitWildcard(wildcard),
            RegexNode regex => EmitRegex(regex),
            RangeNode range => EmitRange(range),
            ExistsNode exists => EmitExists(exists),
            _ => throw new ArgumentException($"Unknown query node {node.GetType().Name}.", nameof(node)),
        };
    }

    /// <summary>An AND whose text parts become one MATCH (negated text parts become FTS5 NOT), the rest plain SQL.</summary>
    private string EmitAnd(AndNode and)
    {
        var (positive, negative, rest) = Partition(and);
        var parts = rest.Select(Emit).ToList();
        if (positive.Count > 0)
        {
            parts.Insert(0, FtsCondition(FtsAnd(positive, negative)));
        }
        else if (negative.Count > 0)
        {
            parts.Insert(0, "rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH " + Add(string.Join(" OR ", negative)) + ")");
        }

        return "(" + string.Join(" AND ", parts) + ")";
    }

    private string FtsCondition(string match) => "rowid IN (SELECT rowid FROM fts WHERE fts MATCH " + Add(match) + ")";

    private string EmitTerm(TermNode term)
    {
        var field = term.Field!;
        var column = SqliteColumns.ColumnOf(field);
        return QueryFields.KindOf(field) switch
        {
            FieldKind.Number => $"{column} = {Add(long.Parse(term.Value, System.Globalization.CultureInfo.InvariantCulture))}",
            FieldKind.Time => $"ts = {Add(TimeValue(term.Value))}",
            FieldKind.Keyword => $"{column} = {Add(term.Value)}",
            _ => EmitDynamicTerm(field, term.Value),
        };
    }

    /// <summary>A field only in the document: equal to the text or, when it reads as a number, to the number; arrays match any element.</summary>
    private string EmitDynamicTerm(string field, string value)
    {
        var path = Add(SqliteColumns.JsonPath(field));
        var values = Add(value);
        if (QueryValues.TryParseDouble(value, out var number))
        {
            values += ", " + Add(number);
        }

        return $"(json_extract(doc, {path}) IN ({values}) OR (json_type(doc, {path}) = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, {path}) WHERE value IN ({values}))))";
    }

    private string EmitWildcard(WildcardNode wildcard)
    {
        if (wildcard.Field is null or QueryFields.Message)
        {
            return VocabularyCondition(wildcard.Field, "term GLOB " + Add(WildcardPattern.ToGlob(wildcard.Pattern.ToLowerInvariant())));
        }

        if (SqliteColumns.ColumnOf(wildcard.Field) is { } column)
        {
            return QueryFields.IsCaseInsensitive(wildcard.Field)
                ? $"{column} LIKE {Add(WildcardPattern.ToLike(wildcard.Pattern))} ESCAPE '\\'"
                : $"{column} GLOB {Add(WildcardPattern.ToGlob(wildcard.Pattern))}";
        }

        return AnyElement(wildcard.Field, "value GLOB " + Add(WildcardPattern.ToGlob(wildcard.Pattern)));
    }

    private string EmitRegex(RegexNode regex)
    {
        if (regex.Field is null or QueryFields.Message)
        {
            return VocabularyCondition(regex.Field, $"lp_regexp({Add(regex.Pattern)}, 1, term)");
        }

        var ignoreCase = QueryFields.IsCaseInsensitive(regex.Field) ? 1 : 0;
        return SqliteColumns.ColumnOf(regex.Field) is { } column
            ? $"lp_regexp({Add(regex.Pattern)}, {ignoreCase}, {column})"
            : AnyElement(regex.Field, $"lp_regexp({Add(regex.Pattern)}, 0, value)");
    }

    private string EmitExists(ExistsNode exists) => exists.Field switch
    {
        QueryFields.Timestamp => "1",
        _ when SqliteColumns.ColumnOf(exists.Field) is { } column => column + " IS NOT NULL",
        _ => $"json_type(doc, {Add(SqliteColumns.JsonPath(exists.Field))}) IS NOT NULL",
    };

    /// <summary>Some element of the field (the value itself when it is not an array) satisfies <paramref name="condition"/> on <c>value</c>.</summary>
    private string AnyElement(string field, string condition) =>
        $"EXISTS (SELECT 1 FROM json_each(doc, {Add(SqliteColumns.JsonPath(field))}) WHERE {condition})";

    private static long TimeValue(string text) =>
        QueryValues.TryParseTime(text, out var time) ? EventTime.ToNanosClamped(time)
            : throw new ArgumentException($"'{text}' is not a time; the parser should have refused it.", nameof(text));
}
