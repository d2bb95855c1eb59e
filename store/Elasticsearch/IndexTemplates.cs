using System.Text.Json.Nodes;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The component template (ECS mappings) and the index template that applies it to every name this store writes.
/// Mapping choices: <c>@timestamp</c> is <c>date_nanos</c> (ingest keeps 100 ns precision; <c>date</c> would cut it
/// to milliseconds); <c>source.ip</c> is <c>ip</c> (CIDR queries) and tolerates a host name instead of refusing the
/// event; URL and user agent are <c>keyword</c> (exact match, top-N terms) with a <c>wildcard</c> sub-field for
/// case-insensitive substring search; <c>message</c> is <c>text</c>; other strings default to <c>keyword</c>.
/// </summary>
internal static class IndexTemplates
{
    /// <summary>
    /// Above the built-in <c>logs-*-*</c> template (priority 100), which would otherwise win. The daily template gets
    /// one more: its pattern overlaps the data stream one, and Elasticsearch refuses overlapping templates of equal
    /// priority.
    /// </summary>
    public const int Priority = 200;

    public const string ComponentName = "logpipeline-ecs@mappings";

    public static string IndexTemplateName(IndexNames names) =>
        $"logpipeline-{names.Prefix}-{names.Namespace}" + (names.Daily ? "-daily" : string.Empty);

    public static JsonObject ComponentTemplate() => new()
    {
        ["template"] = new JsonObject
        {
            ["mappings"] = new JsonObject
            {
                ["dynamic_templates"] = new JsonArray(new JsonObject
                {
                    ["strings_as_keyword"] = new JsonObject
                    {
                        ["match_mapping_type"] = "string",
                        ["mapping"] = Keyword(),
                    },
                }),
                ["properties"] = EcsProperties(),
            },
        },
        ["_meta"] = new JsonObject { ["managed_by"] = "logpipeline", ["ecs_version"] = "8.11" },
    };

    public static JsonObject IndexTemplate(IndexNames names)
    {
        var template = new JsonObject
        {
            ["index_patterns"] = new JsonArray(names.Pattern),
            ["priority"] = names.Daily ? Priority + 1 : Priority,
            ["composed_of"] = new JsonArray(ComponentName),
            ["_meta"] = new JsonObject { ["managed_by"] = "logpipeline" },
        };
        if (!names.Daily)
        {
            template["data_stream"] = new JsonObject();
        }

        return template;
    }

    private static JsonObject EcsProperties() => new()
    {
        ["@timestamp"] = new JsonObject { ["type"] = "date_nanos" },
        ["message"] = new JsonObject { ["type"] = "text" },
        ["tags"] = Keyword(),
        ["event"] = Object(("id", Keyword()), ("dataset", Keyword()), ("original", NotIndexed())),
        ["host"] = Object(("name", Keyword())),
        ["log"] = Object(("file", Object(("path", Keyword()))), ("offset", Long())),
        ["source"] = Object(("ip", new JsonObject { ["type"] = "ip", ["ignore_malformed"] = true }), ("address", Keyword())),
        ["user"] = Object(("name", Keyword())),
        ["http"] = Object(
            ("version", Keyword()),
            ("request", Object(("method", Keyword()), ("referrer", KeywordWithWildcard()))),
            ("response", Object(("status_code", Long()), ("body", Object(("bytes", Long())))))),
        ["url"] = Object(("original", KeywordWithWildcard()), ("path", KeywordWithWildcard()), ("query", Keyword())),
        ["user_agent"] = Object(("original", KeywordWithWildcard())),
    };

    private static JsonObject Object(params (string Name, JsonObject Mapping)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, mapping) in properties)
        {
            props[name] = mapping;
        }

        return new JsonObject { ["properties"] = props };
    }

    private static JsonObject Keyword() => new() { ["type"] = "keyword", ["ignore_above"] = 1024 };

    private static JsonObject Long() => new() { ["type"] = "long", ["ignore_malformed"] = true };

    /// <summary>Kept in <c>_source</c> only: the raw line is for reading, not for searching.</summary>
    private static JsonObject NotIndexed() => new() { ["type"] = "keyword", ["index"] = false, ["doc_values"] = false };

    private static JsonObject KeywordWithWildcard() => new()
    {
        ["type"] = "keyword",
        ["ignore_above"] = 8191,
        ["fields"] = new JsonObject { ["wildcard"] = new JsonObject { ["type"] = "wildcard" } },
    };
}
