using System.Text.Json;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>A string property of an event as read: absent, null, a string, or some other JSON value.</summary>
internal struct JsonText
{
    private const byte Absent = 0, Null = 1, Text = 2, Other = 3;

    private byte _state;
    private string? _value;

    /// <summary>Reads the value the reader is on (skipping it whole when it is an object or an array).</summary>
    public static JsonText Read(ref Utf8JsonReader reader, RepeatedStrings? repeated)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new JsonText { _state = Text, _value = repeated is null ? reader.GetString() : repeated.Get(ref reader) };
            case JsonTokenType.Null:
                return new JsonText { _state = Null };
            default:
                reader.Skip();
                return new JsonText { _state = Other };
        }
    }

    public readonly bool Required(string name, out string value, out string? error)
    {
        value = _value ?? string.Empty;
        error = _state == Text && value.Length > 0 ? null : $"field '{name}' is required and must be a non-empty string";
        return error is null;
    }

    public readonly bool Optional(string name, out string? value, out string? error)
    {
        value = _value;
        error = _state is Absent or Null or Text ? null : $"field '{name}' must be a string";
        return error is null;
    }
}
