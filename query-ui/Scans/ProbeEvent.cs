using System.Text.Json;

namespace LogPipeline.QueryUi.Scans;

/// <summary>The fields of a probe event the scans page uses, read from the stored document.</summary>
internal readonly record struct ProbeEvent(DateTimeOffset Time, string Address, string Host, string Method, string Path, int? Status, string UserAgent)
{
    public static ProbeEvent From(DateTimeOffset time, string documentJson)
    {
        using var document = JsonDocument.Parse(documentJson);
        var root = document.RootElement;
        int? status = Find(root, "http", "response", "status_code") is { ValueKind: JsonValueKind.Number } s && s.TryGetInt32(out var code) ? code : null;
        return new ProbeEvent(time, Text(root, "source", "ip"), Text(root, "host", "name"), Text(root, "http", "request", "method"),
            Text(root, "url", "path"), status, Text(root, "user_agent", "original"));
    }

    private static string Text(JsonElement root, params string[] path) =>
        Find(root, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() ?? string.Empty : string.Empty;

    private static JsonElement? Find(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }
}
