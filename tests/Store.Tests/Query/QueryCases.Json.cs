using System.Text.Json.Nodes;

namespace LogPipeline.Store.Tests.Query;

/// <summary>Expected Elasticsearch DSL, written out by hand for the case table.</summary>
internal static partial class QueryCases
{
    private const string MatchAll = """{"match_all":{}}""";

    private static string Text(string value) => new JsonObject
    {
        ["multi_match"] = new JsonObject { ["query"] = value, ["type"] = "phrase", ["fields"] = new JsonArray("message", "url.original.text") },
    }.ToJsonString();

    private static string Text(string value, string field) =>
        Leaf("match_phrase", field, new JsonObject { ["query"] = value }).ToJsonString();

    private static string Term(string field, int value) => Leaf("term", field, new JsonObject { ["value"] = value }).ToJsonString();

    private static string Term(string field, string value, bool ci) => Leaf("term", field, WithCase(new JsonObject { ["value"] = value }, ci)).ToJsonString();

    private static string Wildcard(string field, string pattern, bool ci) =>
        Leaf("wildcard", field, WithCase(new JsonObject { ["value"] = pattern }, ci)).ToJsonString();

    private static string Regexp(string field, string pattern, bool ci) =>
        Leaf("regexp", field, WithCase(new JsonObject { ["value"] = pattern, ["flags"] = "NONE" }, ci)).ToJsonString();

    private static string TextWildcard(string pattern) =>
        Bool("should", Wildcard("message", pattern, ci: true), Wildcard("url.original.text", pattern, ci: true));

    private static string TextRegex(string pattern) =>
        Bool("should", Regexp("message", pattern, ci: true), Regexp("url.original.text", pattern, ci: true));

    private static string Range(string field, params (string Op, object Value)[] bounds)
    {
        var body = new JsonObject();
        foreach (var (op, value) in bounds)
        {
            body[op] = value is int i ? JsonValue.Create(i) : JsonValue.Create((string)value);
        }

        return Leaf("range", field, body).ToJsonString();
    }

    private static string Exists(string field) => new JsonObject { ["exists"] = new JsonObject { ["field"] = field } }.ToJsonString();

    private static string Bool(string occur, params string[] clauses) => Bool2(clauses.Select(c => (occur, c)).ToArray());

    private static string Bool2(params (string Occur, string Clause)[] clauses)
    {
        var body = new JsonObject();
        foreach (var group in clauses.GroupBy(c => c.Occur))
        {
            body[group.Key] = new JsonArray(group.Select(c => JsonNode.Parse(c.Clause)).ToArray());
        }

        if (body.ContainsKey("should"))
        {
            body["minimum_should_match"] = 1;
        }

        return new JsonObject { ["bool"] = body }.ToJsonString();
    }

    private static JsonObject Leaf(string kind, string field, JsonObject body) => new() { [kind] = new JsonObject { [field] = body } };

    private static JsonObject WithCase(JsonObject body, bool ci)
    {
        if (ci)
        {
            body["case_insensitive"] = true;
        }

        return body;
    }
}
