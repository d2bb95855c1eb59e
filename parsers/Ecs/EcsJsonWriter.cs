using System.Text.Json;

namespace LogPipeline.Parsers.Ecs;

/// <summary>
/// Turns flat dotted field names into nested JSON objects, grouping fields that share a prefix. Runs once per stored
/// event: the nesting of each document shape is worked out once (<see cref="JsonShape"/>), so it allocates nothing.
/// </summary>
internal static class EcsJsonWriter
{
    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("@timestamp");
    private static readonly JsonEncodedText TagsName = JsonEncodedText.Encode("tags");

    public static void Write(EcsDocument document, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (document.Timestamp is { } ts)
        {
            Span<char> text = stackalloc char[EcsTimestampFormat.MaxLength];
            writer.WriteString(TimestampName, text[..EcsTimestampFormat.Format(ts, text)]);
        }

        var fields = document.FieldSpan;
        JsonShape.Of(fields).Write(fields, writer);

        if (document.Tags.Count > 0)
        {
            writer.WriteStartArray(TagsName);
            foreach (var tag in document.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>ISO-8601 in UTC with as many fractional digits as needed (up to 7), always ending in Z.</summary>
    public static string FormatTimestamp(DateTimeOffset value)
    {
        Span<char> text = stackalloc char[EcsTimestampFormat.MaxLength];
        return new string(text[..EcsTimestampFormat.Format(value, text)]);
    }
}
