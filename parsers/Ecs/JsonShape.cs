using System.Text.Encodings.Web;
using System.Text.Json;

namespace LogPipeline.Parsers.Ecs;

/// <summary>
/// How the documents of one shape (the same field names in the same order, as a format produces them line after line)
/// are written as nested JSON: the fields sorted by name, and for each the objects to close, the objects to open and
/// its own name, every name already encoded. Writing a document of a known shape is then only its values. Shapes are
/// kept in a small fixed table (by field count, four ways each), so memory stays bounded whatever documents come.
/// </summary>
internal sealed class JsonShape
{
    private const int Sets = 64;
    private const int Ways = 4;
    private const int StackFields = 128;

    private static readonly JsonShape?[] Cache = new JsonShape?[Sets * Ways];
    private static int s_nextWay;

    private readonly string[] _names;
    private readonly Step[] _steps;
    private readonly int _finalClose;

    private JsonShape(string[] names, Step[] steps, int finalClose)
    {
        _names = names;
        _steps = steps;
        _finalClose = finalClose;
    }

    /// <summary>The shape of <paramref name="fields"/>, from the table or built (and remembered).</summary>
    public static JsonShape Of(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields)
    {
        var set = (fields.Length % Sets) * Ways;
        for (var way = 0; way < Ways; way++)
        {
            if (Volatile.Read(ref Cache[set + way]) is { } known && known.Matches(fields))
            {
                return known;
            }
        }

        var shape = Build(fields);
        Volatile.Write(ref Cache[set + ((Interlocked.Increment(ref s_nextWay) & int.MaxValue) % Ways)], shape);
        return shape;
    }

    public void Write(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields, Utf8JsonWriter writer)
    {
        foreach (var step in _steps)
        {
            for (var c = 0; c < step.Close; c++)
            {
                writer.WriteEndObject();
            }

            foreach (var name in step.Open)
            {
                writer.WriteStartObject(name);
            }

            WriteValue(writer, step.Name, fields[step.Field].Value);
        }

        for (var c = 0; c < _finalClose; c++)
        {
            writer.WriteEndObject();
        }
    }

    private bool Matches(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields)
    {
        if (fields.Length != _names.Length)
        {
            return false;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            // Formats name fields with literals, so the reference check answers; shipper-added names compare by value.
            var name = fields[i].Key;
            if (!ReferenceEquals(name, _names[i]) && !string.Equals(name, _names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonShape Build(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields)
    {
        var order = fields.Length <= StackFields ? stackalloc int[fields.Length] : new int[fields.Length];
        FieldNames.SortByName(fields, order);
        var steps = new Step[fields.Length];
        var opened = new List<JsonEncodedText>(4);

        // The open objects are always the leading segments of the previous field's name: only their count is kept.
        var open = 0;
        var previous = string.Empty;
        for (var k = 0; k < order.Length; k++)
        {
            var name = fields[order[k]].Key;
            var common = FieldNames.CommonParents(previous, name, open);
            var close = open - common;
            open = common;
            opened.Clear();
            var rest = name.AsSpan(FieldNames.SegmentStart(name, open));
            for (var dot = rest.IndexOf('.'); dot >= 0; dot = rest.IndexOf('.'))
            {
                opened.Add(Encode(rest[..dot]));
                open++;
                rest = rest[(dot + 1)..];
            }

            steps[k] = new Step(order[k], close, [.. opened], Encode(rest));
            previous = name;
        }

        var names = new string[fields.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = fields[i].Key;
        }

        return new JsonShape(names, steps, open);
    }

    /// <summary>Names are encoded as <see cref="EcsDocument.ToJson"/> writes text: readable, only what JSON requires escaped.</summary>
    private static JsonEncodedText Encode(ReadOnlySpan<char> name) => JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static void WriteValue(Utf8JsonWriter writer, JsonEncodedText name, EcsValue value)
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

    /// <summary>One field, in name order: its position in the document, objects to close and to open, its own name.</summary>
    private readonly record struct Step(int Field, int Close, JsonEncodedText[] Open, JsonEncodedText Name);
}
