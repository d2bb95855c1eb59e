using System.Text;
using System.Text.Json.Nodes;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The query clause for plain text: every whitespace-separated word must occur, as a phrase of its tokens in
/// <c>message</c>, or as a case-insensitive substring of the URL or the user agent (their <c>wildcard</c>
/// sub-fields). Words are data, never query syntax: no query_string parser sees them, and wildcard metacharacters
/// are escaped. Empty text matches everything.
/// </summary>
internal static class FreeTextQuery
{
    private static readonly string[] SubstringFields = ["url.original.wildcard", "user_agent.original.wildcard"];

    public static JsonObject Clause(string? text)
    {
        var words = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new JsonObject { ["match_all"] = new JsonObject() };
        }

        var must = new JsonArray();
        foreach (var word in words)
        {
            var should = new JsonArray { new JsonObject { ["match_phrase"] = new JsonObject { ["message"] = word } } };
            foreach (var field in SubstringFields)
            {
                should.Add(new JsonObject
                {
                    ["wildcard"] = new JsonObject
                    {
                        [field] = new JsonObject { ["value"] = "*" + EscapeWildcard(word) + "*", ["case_insensitive"] = true },
                    },
                });
            }

            must.Add(new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } });
        }

        return new JsonObject { ["bool"] = new JsonObject { ["must"] = must } };
    }

    /// <summary>Makes <c>*</c>, <c>?</c> and <c>\</c> literal in a wildcard pattern.</summary>
    public static string EscapeWildcard(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
