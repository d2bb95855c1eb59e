using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The position after a page's last hit: its <c>sort</c> values (time, event id) as Elasticsearch returned them, to be
/// handed back as <c>search_after</c>. Stateless (no point-in-time to expire), so a cursor works at any depth and
/// any later time; events written meanwhile after the position simply show up.
/// </summary>
internal static class SearchCursor
{
    private const string Prefix = "es1.";

    public static string Format(JsonArray sortValues) =>
        Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(sortValues.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The <c>search_after</c> values, null for no cursor; throws <see cref="QuerySyntaxException"/> for a foreign one.</summary>
    public static JsonArray? Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (cursor.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                var base64 = cursor[Prefix.Length..].Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                if (JsonNode.Parse(Convert.FromBase64String(base64)) is JsonArray { Count: 2 } values
                    && values.All(v => v is JsonValue))
                {
                    return values;
                }
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                // Reported below.
            }
        }

        throw new QuerySyntaxException(
            $"The cursor '{cursor}' was not issued by this Elasticsearch store; drop it to start again from the first page.", 0);
    }
}
