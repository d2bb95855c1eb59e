using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Forwarding;

namespace LogPipeline.Shipper.Batching;

/// <summary>The parts of an event line that stay the same for every event of one file.</summary>
internal sealed partial class BatchEncoder
{
    private static readonly JsonWriterOptions FragmentOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private void Prepare(FileCheckpoint file, InputOptions input)
    {
        _prefixFile = file;
        _prefixInput = input;
        _ids = new EventIdWriter(_host, file.Fingerprint);
        _fileFragment = Fragment(w =>
        {
            w.WriteString("host", _host);
            w.WriteString("file", file.Path);
            w.WriteString("fingerprint", file.Fingerprint);
        }, trailingSeparator: true);
        _fileFragment = [.. _fileFragment, .. "\"offset\":"u8]; // The offset's digits follow, written per event.
        _datasetFragment = Fragment(w => w.WriteString("dataset", input.Type), trailingSeparator: false, leadingSeparator: true);
        _extras = Fragment(w => WriteExtras(w, input, split: false), trailingSeparator: false, leadingSeparator: true);
        _extrasSplit = Fragment(w => WriteExtras(w, input, split: true), trailingSeparator: false, leadingSeparator: true);
    }

    /// <summary>
    /// The properties <paramref name="write"/> writes, as JSON text without the object's braces (empty when none),
    /// with a comma before (<paramref name="leadingSeparator"/>) or after them (<paramref name="trailingSeparator"/>).
    /// </summary>
    private static byte[] Fragment(Action<Utf8JsonWriter> write, bool trailingSeparator, bool leadingSeparator = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, FragmentOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        var inner = buffer.WrittenSpan[1..^1];
        if (inner.IsEmpty)
        {
            return [];
        }

        return [.. leadingSeparator ? ","u8 : [], .. inner, .. trailingSeparator ? ","u8 : []];
    }

    private static void WriteExtras(Utf8JsonWriter writer, InputOptions input, bool split)
    {
        if (input.Fields.Count > 0)
        {
            writer.WriteStartObject("fields");
            foreach (var (key, value) in input.Fields)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        if (input.Tags.Count > 0 || split)
        {
            writer.WriteStartArray("tags");
            foreach (var tag in input.Tags)
            {
                writer.WriteStringValue(tag);
            }

            if (split)
            {
                writer.WriteStringValue(SplitTag);
            }

            writer.WriteEndArray();
        }
    }
}
