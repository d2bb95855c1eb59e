using System.Text;
using System.Text.Json;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>
/// Reads one NDJSON line of a batch into an <see cref="IncomingEvent"/>, or says which field is wrong. One forward
/// pass with <see cref="Utf8JsonReader"/> over the line's bytes (no document tree, no copy); the checks then run in a
/// fixed order, so the error names the same field whatever the order of the properties.
/// </summary>
internal static class EventJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8 };

    public static bool TryRead(ReadOnlySpan<byte> line, out IncomingEvent? incoming, out string? error) =>
        TryRead(line, new RepeatedStrings(), out incoming, out error);

    /// <summary>As above; <paramref name="repeated"/> hands back the same string for a host, dataset or file seen in an
    /// earlier line of the batch.</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, RepeatedStrings repeated, out IncomingEvent? incoming, out string? error)
    {
        incoming = null;
        var raw = new RawEvent();
        try
        {
            var reader = new Utf8JsonReader(line, ReaderOptions);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                reader.Read();
                error = "an event must be a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                raw.ReadProperty(ref reader, repeated);
            }

            // Anything after the object (a second value, garbage) makes the reader throw here.
            reader.Read();
        }
        catch (JsonException e)
        {
            error = $"not valid JSON ({e.Message})";
            return false;
        }
        catch (InvalidOperationException e)
        {
            // A string that is not valid UTF-8 cannot become text.
            error = $"not valid JSON ({e.Message}): send text that is not UTF-8 as message_base64";
            return false;
        }

        return TryValidate(raw, out incoming, out error);
    }

    private static bool TryValidate(RawEvent raw, out IncomingEvent? incoming, out string? error)
    {
        incoming = null;
        if (!raw.Id.Required("id", out var id, out error) || !raw.Host.Required("host", out var host, out error)
            || !raw.Dataset.Required("dataset", out var dataset, out error))
        {
            return false;
        }

        if (!IsValidId(id))
        {
            error = "field 'id' must be 1-128 characters of A-Z, a-z, 0-9, '-' or '_'";
            return false;
        }

        if (!TryMessage(raw, out var message, out var base64, out error)
            || !raw.File.Optional("file", out var file, out error)
            || !raw.Fingerprint.Optional("fingerprint", out var fingerprint, out error))
        {
            return false;
        }

        error = raw.OffsetError ?? raw.FieldsError ?? raw.TagsError;
        if (error is not null)
        {
            return false;
        }

        incoming = new IncomingEvent
        {
            Id = id, Host = host, Dataset = dataset, Message = message, InvalidUtf8 = base64 is not null, OriginalBase64 = base64,
            File = file, Fingerprint = fingerprint, Offset = raw.Offset, Fields = raw.Fields ?? [], Tags = raw.Tags ?? [],
        };
        return true;
    }

    private static bool IsValidId(string id)
    {
        if (id.Length > 128)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryMessage(RawEvent raw, out string message, out string? base64, out string? error)
    {
        message = string.Empty;
        base64 = null;
        if (!raw.Message.Optional("message", out var text, out error) || !raw.MessageBase64.Optional("message_base64", out var b64, out error))
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
}
