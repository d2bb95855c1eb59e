using System.Globalization;
using System.Text.Json;

namespace LogPipeline.QueryUi.Search;

/// <summary>Flattens a stored ECS document into dotted field names and display values (arrays joined with ", ").</summary>
internal static class DocumentFields
{
    public static List<KeyValuePair<string, string>> Flatten(string documentJson)
    {
        var fields = new List<KeyValuePair<string, string>>();
        using var document = JsonDocument.Parse(documentJson);
        Walk(document.RootElement, null, fields);
        fields.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return fields;
    }

    private static void Walk(JsonElement element, string? prefix, List<KeyValuePair<string, string>> fields)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, prefix is null ? property.Name : prefix + "." + property.Name, fields);
            }

            return;
        }

        if (prefix is not null && element.ValueKind != JsonValueKind.Null)
        {
            fields.Add(new(prefix, Display(element)));
        }
    }

    private static string Display(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(Display)),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };

    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
