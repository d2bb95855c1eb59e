using System.Globalization;
using System.Text.Json;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Components.Pages;

/// <summary>The columns the result table shows for one hit, read from its stored document.</summary>
internal sealed record HitRow(string Id, string Time, string Host, string Dataset, string Message)
{
    public static HitRow From(SearchHit hit)
    {
        using var document = JsonDocument.Parse(hit.DocumentJson);
        var root = document.RootElement;
        return new HitRow(
            hit.Id,
            hit.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            Text(root, "host", "name"),
            Text(root, "event", "dataset"),
            Text(root, "message"));
    }

    private static string Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return string.Empty;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.ToString();
    }
}
