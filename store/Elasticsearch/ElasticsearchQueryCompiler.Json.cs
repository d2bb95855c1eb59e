using System.Globalization;
using System.Text.Json.Nodes;
using LogPipeline.Store.Query;

namespace LogPipeline.Store.Elasticsearch;

public static partial class ElasticsearchQueryCompiler
{
    /// <summary>ISO-8601 UTC with milliseconds, as Elasticsearch's <c>strict_date_optional_time</c> reads it.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static JsonObject Bool(params (string Occur, List<JsonNode> Clauses)[] parts)
    {
        var body = new JsonObject();
        foreach (var (occur, clauses) in parts)
        {
            if (clauses.Count > 0)
            {
                body[occur] = new JsonArray([.. clauses]);
            }
        }

        return new JsonObject { ["bool"] = body };
    }

    private static JsonObject Should(IEnumerable<JsonObject> clauses)
    {
        var should = Bool(("should", clauses.Cast<JsonNode>().ToList()));
        should["bool"]!["minimum_should_match"] = 1;
        return should;
    }

    private static JsonObject Leaf(string kind, string field, JsonObject body) => new() { [kind] = new JsonObject { [field] = body } };

    private static JsonObject WithCase(JsonObject body, bool caseInsensitive)
    {
        if (caseInsensitive)
        {
            body["case_insensitive"] = true;
        }

        return body;
    }

    /// <summary>A number for numeric fields, an ISO time for <c>@timestamp</c>, the text otherwise.</summary>
    private static JsonNode? TypedValue(string field, string value) => QueryFields.KindOf(field) switch
    {
        FieldKind.Number => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
        FieldKind.Time when QueryValues.TryParseTime(value, out var time) => JsonValue.Create(FormatTime(time)),
        _ => JsonValue.Create(value),
    };

    private static JsonNode Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 9e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);
}
