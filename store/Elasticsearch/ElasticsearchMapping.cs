using System.Text.Json.Nodes;
using LogPipeline.Store.Query;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The index mapping the compiled queries assume: the ECS fields people filter on as keyword / long / ip / date, and
/// two text fields analysed into words the way the SQLite store's FTS5 tokenizer does (split on anything that is not
/// a letter or digit, lowercased, accents folded).
/// </summary>
public static class ElasticsearchMapping
{
    /// <summary>The words of <c>url.original</c>, searched by free text.</summary>
    public const string UrlTextField = "url.original.text";

    /// <summary>The event id, indexed as a keyword: the tie-breaker of the sort that cursors page on.</summary>
    public const string IdField = "event.id";

    public const string WordsAnalyzer = "logpipeline_words";

    /// <summary>The body of a composable index template for <paramref name="indexPattern"/> (e.g. <c>logpipeline-*</c>).</summary>
    public static JsonObject IndexTemplate(string indexPattern)
    {
        static JsonObject Keyword() => new() { ["type"] = "keyword", ["ignore_above"] = 8191 };
        var text = new JsonObject { ["type"] = "text", ["analyzer"] = WordsAnalyzer };
        var properties = new JsonObject
        {
            [QueryFields.Timestamp] = new JsonObject { ["type"] = "date_nanos" },
            [QueryFields.Message] = text.DeepClone(),
            [IdField] = Keyword(),
            [QueryFields.HostName] = Keyword(),
            [QueryFields.Dataset] = Keyword(),
            [QueryFields.FilePath] = Keyword(),
            [QueryFields.SourceIp] = Keyword(),
            [QueryFields.Method] = Keyword(),
            [QueryFields.Status] = new JsonObject { ["type"] = "long" },
            [QueryFields.Bytes] = new JsonObject { ["type"] = "long" },
            [QueryFields.Offset] = new JsonObject { ["type"] = "long" },
            [QueryFields.UrlPath] = Keyword(),
            [QueryFields.UrlOriginal] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 8191, ["fields"] = new JsonObject { ["text"] = text.DeepClone() } },
            [QueryFields.UserAgent] = Keyword(),
        };
        return new JsonObject
        {
            ["index_patterns"] = new JsonArray(indexPattern),
            ["template"] = new JsonObject
            {
                ["settings"] = new JsonObject
                {
                    ["analysis"] = new JsonObject
                    {
                        ["tokenizer"] = new JsonObject { ["logpipeline_words"] = new JsonObject { ["type"] = "pattern", ["pattern"] = "[^\\p{L}\\p{N}]+" } },
                        ["analyzer"] = new JsonObject
                        {
                            [WordsAnalyzer] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "logpipeline_words", ["filter"] = new JsonArray("lowercase", "asciifolding") },
                        },
                    },
                },
                ["mappings"] = new JsonObject
                {
                    ["dynamic_templates"] = new JsonArray(new JsonObject
                    {
                        ["strings_as_keywords"] = new JsonObject { ["match_mapping_type"] = "string", ["mapping"] = Keyword() },
                    }),
                    ["properties"] = properties,
                },
            },
        };
    }
}
