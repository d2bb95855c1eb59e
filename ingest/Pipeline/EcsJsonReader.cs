using System.Globalization;
using System.Text.Json;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>
/// Reads nested JSON (a bulk source document, or a stored event) into an <see cref="EcsDocument"/>: objects become
/// dotted names, scalars keep their type, arrays are kept as JSON, <c>tags</c> become tags. Fields already in the
/// document are left as they are.
/// </summary>
internal static class EcsJsonReader
{
    public static void MergeInto(EcsDocument document, JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            Merge(document, property.Name, property.Value);
        }
    }

    /// <summary>A stored event's document, back as an <see cref="EcsDocument"/>.</summary>
    public static EcsDocument Read(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var document = new EcsDocument();
        MergeInto(document, parsed.RootElement);
        return document;
    }

    /// <summary>Flattens one field into dotted names; fields already set are left as they are.</summary>
    private static void Merge(EcsDocument document, string name, JsonElement value)
    {
        if (!FieldName.IsValid(name) && name is not ("@timestamp" or "message" or "tags"))
        {
            return;
        }

        switch (name, value.ValueKind)
        {
            case ("@timestamp", JsonValueKind.String):
                if (document.Timestamp is null && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts))
                {
                    document.Timestamp = ts;
                }

                return;
            case ("tags", JsonValueKind.Array):
                foreach (var tag in value.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String))
                {
                    document.AddTag(tag.GetString()!);
                }

                return;
            case (_, JsonValueKind.Object):
                foreach (var inner in value.EnumerateObject())
                {
                    Merge(document, $"{name}.{inner.Name}", inner.Value);
                }

                return;
            case (_, JsonValueKind.Null):
                return;
        }

        if (document.TryGetValue(name, out _))
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                document.Set(name, value.GetString());
                break;
            case JsonValueKind.Number when value.TryGetInt64(out var whole):
                document.Set(name, whole);
                break;
            case JsonValueKind.Number:
                document.Set(name, value.GetDouble());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                document.Set(name, value.GetBoolean());
                break;
            default:
                document.Set(name, EcsValue.FromJson(value.GetRawText()));
                break;
        }
    }

}
