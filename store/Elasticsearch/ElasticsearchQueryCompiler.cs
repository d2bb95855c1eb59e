using System.Globalization;
using System.Text.Json.Nodes;
using LogPipeline.Store.Query;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// Compiles a query tree into Elasticsearch Query DSL — bool (filter / should / must_not), term, match_phrase,
/// multi_match (phrase), wildcard, regexp, range, exists; never <c>query_string</c>, so user text is only ever a JSON
/// string value. Pure: tree in, JSON out. Free text searches the words of <c>message</c> and
/// <c>url.original.text</c> (see <see cref="ElasticsearchMapping"/>); URL, user-agent, host and method matching is
/// case-insensitive.
/// </summary>
public static partial class ElasticsearchQueryCompiler
{
    /// <summary>The text fields free text searches.</summary>
    public static IReadOnlyList<string> TextFields { get; } = [QueryFields.Message, ElasticsearchMapping.UrlTextField];

    public static JsonObject Compile(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query switch
        {
            MatchAllNode => new JsonObject { ["match_all"] = new JsonObject() },
            AndNode and => And(and),
            OrNode or => Should(or.Children.Select(Compile)),
            NotNode not => Bool(("must_not", [Compile(not.Child)])),
            TermNode term => Term(term),
            WildcardNode wildcard => Pattern("wildcard", wildcard.Field, new JsonObject { ["value"] = wildcard.Pattern }),
            RegexNode regex => Pattern("regexp", regex.Field, new JsonObject { ["value"] = regex.Pattern, ["flags"] = "NONE" }),
            RangeNode range => Range(range),
            ExistsNode exists => new JsonObject { ["exists"] = new JsonObject { ["field"] = exists.Field } },
            _ => throw new ArgumentException($"Unknown query node {query.GetType().Name}.", nameof(query)),
        };
    }

    /// <summary>Compiles query text; throws <see cref="QuerySyntaxException"/> when it does not parse.</summary>
    public static JsonObject Compile(string? query) => Compile(LogQuery.Parse(query).GetQueryOrThrow());

    private static JsonObject And(AndNode and)
    {
        var filter = new List<JsonNode>();
        var mustNot = new List<JsonNode>();
        foreach (var child in and.Children)
        {
            if (child is NotNode not)
            {
                mustNot.Add(Compile(not.Child));
            }
            else
            {
                filter.Add(Compile(child));
            }
        }

        return Bool(("filter", filter), ("must_not", mustNot));
    }

    private static JsonObject Term(TermNode term)
    {
        switch (term.Field)
        {
            case null:
                return new JsonObject
                {
                    ["multi_match"] = new JsonObject { ["query"] = term.Value, ["type"] = "phrase", ["fields"] = new JsonArray([.. TextFields.Select(f => JsonValue.Create(f))]) },
                };
            case QueryFields.Message:
                return Leaf("match_phrase", term.Field, new JsonObject { ["query"] = term.Value });
            default:
                var body = new JsonObject { ["value"] = TypedValue(term.Field, term.Value) };
                return Leaf("term", term.Field, WithCase(body, QueryFields.IsCaseInsensitive(term.Field)));
        }
    }

    /// <summary>wildcard / regexp: on free text over both text fields' words (case-insensitive), elsewhere on the field.</summary>
    private static JsonObject Pattern(string kind, string? field, JsonObject body)
    {
        if (field is null)
        {
            return Should(TextFields.Select(f => Leaf(kind, f, WithCase(body.DeepClone().AsObject(), true))));
        }

        return Leaf(kind, field, WithCase(body, field == QueryFields.Message || QueryFields.IsCaseInsensitive(field)));
    }

    private static JsonObject Range(RangeNode range)
    {
        var numeric = QueryFields.KindOf(range.Field) == FieldKind.Dynamic
            && (range.Lower is null || QueryValues.TryParseDouble(range.Lower, out _))
            && (range.Upper is null || QueryValues.TryParseDouble(range.Upper, out _));
        JsonNode? Value(string bound) => numeric ? Number(double.Parse(bound, CultureInfo.InvariantCulture)) : TypedValue(range.Field, bound);
        var body = new JsonObject();
        if (range.Lower is not null)
        {
            body[range.IncludeLower ? "gte" : "gt"] = Value(range.Lower);
        }

        if (range.Upper is not null)
        {
            body[range.IncludeUpper ? "lte" : "lt"] = Value(range.Upper);
        }

        if (QueryFields.KindOf(range.Field) == FieldKind.Time)
        {
            body["format"] = "strict_date_optional_time";
        }

        return Leaf("range", range.Field, body);
    }
}
