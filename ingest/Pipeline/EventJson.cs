using System.Text;
using System.Text.Json;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>Reads one NDJSON line of a batch into an <see cref="IncomingEvent"/>, or says which field is wrong.</summary>
internal static class EventJson
{
    private const int MaxDepth = 8;

    public static bool TryRead(ReadOnlySpan<byte> line, out IncomingEvent? incoming, out string? error)
    {
        incoming = null;
        JsonDocument document;
        try
        {
            var copy = line.ToArray();
            document = JsonDocument.Parse(copy, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            error = $"not valid JSON ({e.Message})";
            return false;
        }

        using (document)
        {
            return TryRead(document.RootElement, out incoming, out error);
        }
    }

    private static bool TryRead(JsonElement root, out IncomingEvent? incoming, out string? error)
    {
        incoming = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "an event must be a JSON object";
            return false;
        }

        if (!RequiredString(root, "id", out var id, out error) || !RequiredString(root, "host", out var host, out error)
            || !RequiredString(root, "dataset", out var dataset, out error))
        {
            return false;
        }

        if (id.Length > 128 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            error = "field 'id' must be 1-128 characters of A-Z, a-z, 0-9, '-' or '_'";
            return false;
        }

        if (!TryMessage(root, out var message, out var base64, out error)
            || !OptionalString(root, "file", out var file, out error)
            || !OptionalString(root, "fingerprint", out var fingerprint, out error)
            || !TryOffset(root, out var offset, out error)
            || !TryFields(root, out var fields, out error)
            || !TryTags(root, out var tags, out error))
        {
            return false;
        }

        incoming = new IncomingEvent
        {
            Id = id, Host = host, Dataset = dataset, Message = message, InvalidUtf8 = base64 is not null, OriginalBase64 = base64,
            File = file, Fingerprint = fingerprint, Offset = offset, Fields = fields, Tags = tags,
        };
        return true;
    }

    private static bool RequiredString(JsonElement root, string name, out string value, out string? error)
    {
        value = string.Empty;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } s)
        {
            error = $"field '{name}' is required and must be a non-empty string";
            return false;
        }

        value = s;
        error = null;
        return true;
    }

    private static bool OptionalString(JsonElement root, string name, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"field '{name}' must be a string";
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static bool TryMessage(JsonElement root, out string message, out string? base64, out string? error)
    {
        message = string.Empty;
        base64 = null;
        if (!OptionalString(root, "message", out var text, out error) || !OptionalString(root, "message_base64", out var b64, out error))
        {
            return false;
        }

        if (text is not null)
        {
            message = text;
            return true;
        }

        if (b64 is null)
        {
            error = "field 'message' (or 'message_base64') is required";
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(b64);
        }
        catch (FormatException)
        {
            error = "field 'message_base64' is not valid base64";
            return false;
        }

        // Invalid sequences become U+FFFD in the searchable message; the processor keeps the exact bytes (base64).
        message = Encoding.UTF8.GetString(bytes);
        base64 = b64;
        return true;
    }

    private static bool TryOffset(JsonElement root, out long? offset, out string? error)
    {
        offset = null;
        error = null;
        if (!root.TryGetProperty("offset", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var value) || value < 0)
        {
            error = "field 'offset' must be a whole number >= 0";
            return false;
        }

        offset = value;
        return true;
    }

    private static bool TryFields(JsonElement root, out IReadOnlyList<KeyValuePair<string, string>> fields, out string? error)
    {
        fields = [];
        error = null;
        if (!root.TryGetProperty("fields", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "field 'fields' must be an object of string values";
            return false;
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || !FieldName.IsValid(property.Name))
            {
                error = $"fields.{property.Name}: names are dotted identifiers and values strings";
                return false;
            }

            list.Add(new(property.Name, property.Value.GetString()!));
        }

        fields = list;
        return true;
    }

    private static bool TryTags(JsonElement root, out IReadOnlyList<string> tags, out string? error)
    {
        tags = [];
        error = null;
        if (!root.TryGetProperty("tags", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            error = "field 'tags' must be an array of strings";
            return false;
        }

        tags = element.EnumerateArray().Select(t => t.GetString()!).ToList();
        return true;
    }
}
