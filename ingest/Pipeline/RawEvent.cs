using System.Text.Json;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>
/// What one pass over an event's JSON found, property by property, before <see cref="EventJson"/> checks it. A property
/// given twice keeps its last value. Problems with the structured properties are kept as their error text.
/// </summary>
internal sealed class RawEvent
{
    // The string properties, read into Texts by position; host, dataset, file and fingerprint repeat across a batch.
    private static readonly (byte[] Name, bool Repeats)[] TextProperties =
    [
        ("message"u8.ToArray(), false), ("id"u8.ToArray(), false), ("host"u8.ToArray(), true), ("dataset"u8.ToArray(), true),
        ("file"u8.ToArray(), true), ("fingerprint"u8.ToArray(), true), ("message_base64"u8.ToArray(), false),
    ];

    private readonly JsonText[] _texts = new JsonText[TextProperties.Length];

    public JsonText Message => _texts[0];

    public JsonText Id => _texts[1];

    public JsonText Host => _texts[2];

    public JsonText Dataset => _texts[3];

    public JsonText File => _texts[4];

    public JsonText Fingerprint => _texts[5];

    public JsonText MessageBase64 => _texts[6];

    public long? Offset { get; private set; }

    public string? OffsetError { get; private set; }

    public List<KeyValuePair<string, string>>? Fields { get; private set; }

    public string? FieldsError { get; private set; }

    public List<string>? Tags { get; private set; }

    public string? TagsError { get; private set; }

    /// <summary>Reads the property the reader is on (its name), and its value; unknown properties are skipped.</summary>
    public void ReadProperty(ref Utf8JsonReader reader, RepeatedStrings repeated)
    {
        for (var i = 0; i < TextProperties.Length; i++)
        {
            if (reader.ValueTextEquals(TextProperties[i].Name))
            {
                reader.Read();
                _texts[i] = JsonText.Read(ref reader, TextProperties[i].Repeats ? repeated : null);
                return;
            }
        }

        var offset = reader.ValueTextEquals("offset"u8);
        var fields = !offset && reader.ValueTextEquals("fields"u8);
        var tags = !offset && !fields && reader.ValueTextEquals("tags"u8);
        reader.Read();
        if (offset)
        {
            ReadOffset(ref reader);
        }
        else if (fields)
        {
            ReadFields(ref reader);
        }
        else if (tags)
        {
            ReadTags(ref reader);
        }
        else
        {
            reader.Skip();
        }
    }

    private void ReadOffset(ref Utf8JsonReader reader)
    {
        (Offset, OffsetError) = reader.TokenType switch
        {
            JsonTokenType.Null => ((long?)null, (string?)null),
            JsonTokenType.Number when reader.TryGetInt64(out var value) && value >= 0 => (value, null),
            _ => (null, "field 'offset' must be a whole number >= 0"),
        };
        reader.Skip();
    }

    private void ReadFields(ref Utf8JsonReader reader)
    {
        (Fields, FieldsError) = (null, null);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            FieldsError = reader.TokenType == JsonTokenType.Null ? null : "field 'fields' must be an object of string values";
            reader.Skip();
            return;
        }

        var fields = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String || !FieldName.IsValid(name))
            {
                FieldsError ??= $"fields.{name}: names are dotted identifiers and values strings";
                reader.Skip();
                continue;
            }

            fields.Add(new(name, reader.GetString()!));
        }

        Fields = FieldsError is null ? fields : null;
    }

    private void ReadTags(ref Utf8JsonReader reader)
    {
        (Tags, TagsError) = (null, null);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            TagsError = reader.TokenType == JsonTokenType.Null ? null : "field 'tags' must be an array of strings";
            reader.Skip();
            return;
        }

        var tags = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                TagsError = "field 'tags' must be an array of strings";
                reader.Skip();
                continue;
            }

            tags.Add(reader.GetString()!);
        }

        Tags = TagsError is null ? tags : null;
    }
}
