using System.Text.Json;

namespace LogPipeline.Parsers.Ecs;

/// <summary>
/// Turns flat dotted field names into nested JSON objects, grouping fields that share a prefix. Runs once per stored
/// event, so it allocates nothing: the sort order lives on the stack and dotted names are compared as spans.
/// </summary>
internal static class EcsJsonWriter
{
    private const int StackFields = 128;

    public static void Write(EcsDocument document, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (document.Timestamp is { } ts)
        {
            Span<char> text = stackalloc char[EcsTimestampFormat.MaxLength];
            writer.WriteString("@timestamp", text[..EcsTimestampFormat.Format(ts, text)]);
        }

        var fields = document.FieldSpan;
        var order = fields.Length <= StackFields ? stackalloc int[fields.Length] : new int[fields.Length];
        SortByName(fields, order);

        // The open objects are always the leading segments of the previous field's name: only their count is kept.
        var open = 0;
        var previous = string.Empty;
        foreach (var index in order)
        {
            var (name, value) = (fields[index].Key, fields[index].Value);
            var common = CommonParents(previous, name, open);
            for (; open > common; open--)
            {
                writer.WriteEndObject();
            }

            var rest = name.AsSpan(SegmentStart(name, open));
            for (var dot = Dot(rest); dot >= 0; dot = Dot(rest))
            {
                writer.WriteStartObject(rest[..dot]);
                open++;
                rest = rest[(dot + 1)..];
            }

            WriteValue(writer, rest, value);
            previous = name;
        }

        for (; open > 0; open--)
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
    public static string FormatTimestamp(DateTimeOffset value)
    {
        Span<char> text = stackalloc char[EcsTimestampFormat.MaxLength];
        return new string(text[..EcsTimestampFormat.Format(value, text)]);
    }

    /// <summary>A stable insertion sort by ordinal name (documents hold a few dozen fields, often nearly in order).</summary>
    private static void SortByName(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var key = fields[i].Key;
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(fields[order[j]].Key, key) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = i;
        }
    }

    /// <summary>How many of the first <paramref name="open"/> segments of <paramref name="previous"/> are also parent
    /// segments (not the last one) of <paramref name="name"/>.</summary>
    private static int CommonParents(string previous, string name, int open)
    {
        var common = 0;
        var i = 0;
        while (common < open)
        {
            var end = i + Dot(previous.AsSpan(i));
            var segment = previous.AsSpan(i, end - i);
            if (i + segment.Length >= name.Length || name[i + segment.Length] != '.' || !name.AsSpan(i, segment.Length).SequenceEqual(segment))
            {
                break;
            }

            common++;
            i = end + 1;
        }

        return common;
    }

    private static int SegmentStart(string name, int segments)
    {
        var i = 0;
        for (var s = 0; s < segments; s++)
        {
            i += Dot(name.AsSpan(i)) + 1;
        }

        return i;
    }

    /// <summary>The first dot: a plain loop, as segments are a few characters, too short for a vectorised search.</summary>
    private static int Dot(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.')
            {
                return i;
            }
        }

        return -1;
    }

    private static void WriteValue(Utf8JsonWriter writer, ReadOnlySpan<char> name, EcsValue value)
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
