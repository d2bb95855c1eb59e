using System.Globalization;
using System.Text.Json;

namespace LogPipeline.Parsers.Ecs;

/// <summary>Turns flat dotted field names into nested JSON objects, grouping fields that share a prefix.</summary>
internal static class EcsJsonWriter
{
    public static void Write(EcsDocument document, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (document.Timestamp is { } ts)
        {
            writer.WriteString("@timestamp", FormatTimestamp(ts));
        }

        var fields = document.Fields;
        var order = new int[fields.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable sort by name so that fields sharing a prefix are adjacent; insertion order breaks ties.
        Array.Sort(order, (a, b) =>
        {
            var c = string.CompareOrdinal(fields[a].Key, fields[b].Key);
            return c != 0 ? c : a.CompareTo(b);
        });

        var open = new List<string>(6);
        foreach (var index in order)
        {
            var (name, value) = (fields[index].Key, fields[index].Value);
            var parts = name.Split('.');
            var common = 0;
            while (common < open.Count && common < parts.Length - 1 && string.Equals(open[common], parts[common], StringComparison.Ordinal))
            {
                common++;
            }

            for (var j = open.Count; j > common; j--)
            {
                writer.WriteEndObject();
                open.RemoveAt(j - 1);
            }

            for (var j = common; j < parts.Length - 1; j++)
            {
                writer.WriteStartObject(parts[j]);
                open.Add(parts[j]);
            }

            WriteValue(writer, parts[^1], value);
        }

        for (var j = open.Count; j > 0; j--)
        {
            writer.WriteEndObject();
        }

        if (document.Tags.Count > 0)
        {
            writer.WriteStartArray("tags");
            foreach (var tag in document.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>ISO-8601 in UTC with as many fractional digits as needed (up to 7), always ending in Z.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void WriteValue(Utf8JsonWriter writer, string name, EcsValue value)
    {
        switch (value.Kind)
        {
            case EcsValueKind.Long:
                writer.WriteNumber(name, value.AsLong()!.Value);
                break;
            case EcsValueKind.Double:
                writer.WriteNumber(name, value.AsDouble()!.Value);
                break;
            case EcsValueKind.Bool:
                writer.WriteBoolean(name, value.AsBool()!.Value);
                break;
            case EcsValueKind.Json:
                writer.WritePropertyName(name);
                writer.WriteRawValue(value.AsJson()!, skipInputValidation: true);
                break;
            default:
                writer.WriteString(name, value.AsString());
                break;
        }
    }
}
