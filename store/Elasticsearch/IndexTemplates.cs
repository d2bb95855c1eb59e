using System.Text.Json.Nodes;
using LogPipeline.Store.Query;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The component template and the index template that applies it to every name this store writes. The mappings are
/// <see cref="ElasticsearchMapping"/>'s (what the query compiler assumes: the words analyzer on <c>message</c> and
/// <c>url.original.text</c>, keywords, <c>date_nanos</c> time) with these additions: <c>source.ip</c> gets an
/// <c>ip</c> sub-field (<c>source.ip.ip</c>, for CIDR and address ranges; the keyword stays for wildcards), URL and
/// user agent get a <c>wildcard</c> sub-field (<c>.wildcard</c>, for substring search without a scan of every
/// term), numbers tolerate a malformed value (kept in <c>_source</c> instead of refusing the event), and
/// <c>event.original</c> is stored but not indexed.
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

    public static JsonObject ComponentTemplate()
    {
        var template = ElasticsearchMapping.IndexTemplate("unused")["template"]!.DeepClone().AsObject();
        var properties = template["mappings"]!["properties"]!.AsObject();
        properties[QueryFields.SourceIp] = WithSubField(properties[QueryFields.SourceIp], "ip", new JsonObject { ["type"] = "ip", ["ignore_malformed"] = true });
        foreach (var field in (string[])[QueryFields.UrlOriginal, QueryFields.UserAgent])
        {
            properties[field] = WithSubField(properties[field], "wildcard", new JsonObject { ["type"] = "wildcard" });
        }

        foreach (var property in properties)
        {
            if ((string?)property.Value!["type"] is "long")
            {
                property.Value["ignore_malformed"] = true;
            }
        }

        properties["event.original"] = new JsonObject { ["type"] = "keyword", ["index"] = false, ["doc_values"] = false };
        return new JsonObject
        {
            ["template"] = template,
            ["_meta"] = new JsonObject { ["managed_by"] = "logpipeline" },
        };
    }

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

    private static JsonObject WithSubField(JsonNode? mapping, string name, JsonObject subField)
    {
        var result = mapping?.DeepClone().AsObject() ?? new JsonObject { ["type"] = "keyword", ["ignore_above"] = 8191 };
        if (result["fields"] is not JsonObject fields)
        {
            result["fields"] = fields = [];
        }

        fields[name] = subField;
        return result;
    }
}
