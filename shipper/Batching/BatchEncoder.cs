using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Forwarding;
using LogPipeline.Shipper.Framing;

namespace LogPipeline.Shipper.Batching;

/// <summary>
/// Writes events as NDJSON (docs/protocol.md) straight into a gzip stream, one batch at a time, and remembers per file
/// the offset that the batch's acknowledgement covers.
/// </summary>
internal sealed class BatchEncoder : IDisposable
{
    public const string SplitTag = "_line_split";
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText HostName = JsonEncodedText.Encode("host");
    private static readonly JsonEncodedText FileName = JsonEncodedText.Encode("file");
    private static readonly JsonEncodedText FingerprintName = JsonEncodedText.Encode("fingerprint");
    private static readonly JsonEncodedText OffsetName = JsonEncodedText.Encode("offset");
    private static readonly JsonEncodedText DatasetName = JsonEncodedText.Encode("dataset");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText MessageBase64Name = JsonEncodedText.Encode("message_base64");
    private static readonly JsonEncodedText FieldsName = JsonEncodedText.Encode("fields");
    private static readonly JsonEncodedText TagsName = JsonEncodedText.Encode("tags");

    /// <summary>NDJSON is gathered up to this many bytes before it goes through gzip in one call.</summary>
    private const int GzipChunk = 64 * 1024;
    private readonly string _host;
    private readonly JsonEncodedText _hostValue;
    private readonly ArrayBufferWriter<byte> _line = new(GzipChunk + 4096);
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<FileCheckpoint, long> _acks = [];
    private FileCheckpoint? _prefixFile;
    private byte[] _idPrefix = [];
    private JsonEncodedText _fileValue;
    private JsonEncodedText _fingerprintValue;
    private JsonEncodedText _datasetValue;
    private MemoryStream? _body;
    private GZipStream? _gzip;

    public BatchEncoder(string host)
    {
        _host = host;
        _hostValue = JsonEncodedText.Encode(host, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        _writer = new Utf8JsonWriter(_line, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public int Events { get; private set; }

    public long RawBytes { get; private set; }

    public void Add(EventChunk chunk, in EventSlice slice)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_gzip is null)
        {
            _body = new MemoryStream();
            _gzip = new GZipStream(_body, CompressionLevel.Fastest, leaveOpen: true);
        }

        var file = chunk.File;
        if (!ReferenceEquals(file, _prefixFile))
        {
            _prefixFile = file;
            _idPrefix = Encoding.UTF8.GetBytes($"{_host}\n{file.Fingerprint}\n");
            _fileValue = JsonEncodedText.Encode(file.Path, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            _fingerprintValue = JsonEncodedText.Encode(file.Fingerprint, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            _datasetValue = JsonEncodedText.Encode(chunk.Input.Type, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        }

        Span<char> id = stackalloc char[EventId.Length];
        EventId.Write(_idPrefix, slice.FileOffset, id);
        var bytes = chunk.Bytes(slice);
        var before = _line.WrittenCount;
        _writer.Reset(_line);
        _writer.WriteStartObject();
        _writer.WriteString(IdName, id);
        _writer.WriteString(HostName, _hostValue);
        _writer.WriteString(FileName, _fileValue);
        _writer.WriteString(FingerprintName, _fingerprintValue);
        _writer.WriteNumber(OffsetName, slice.FileOffset);
        _writer.WriteString(DatasetName, _datasetValue);
        if (Utf8.IsValid(bytes))
        {
            _writer.WriteString(MessageName, bytes);
        }
        else
        {
            _writer.WriteBase64String(MessageBase64Name, bytes);
        }

        WriteExtras(chunk.Input, slice.Split);
        _writer.WriteEndObject();
        _writer.Flush();
        _line.Write("\n"u8);
        Events++;
        RawBytes += _line.WrittenCount - before;
        if (_line.WrittenCount >= GzipChunk)
        {
            FlushLines();
        }

        _acks[file] = slice.NextOffset;
    }

    /// <summary>Closes the gzip stream and hands out the batch; the encoder is ready for the next one.</summary>
    public Batch Finish()
    {
        FlushLines();
        _gzip!.Dispose();
        var batch = new Batch(_body!.ToArray(), Events, RawBytes, [.. _acks.Select(a => (a.Key, a.Value))]);
        _gzip = null;
        _body = null;
        _acks.Clear();
        Events = 0;
        RawBytes = 0;
        return batch;
    }

    private void FlushLines()
    {
        _gzip!.Write(_line.WrittenSpan);
        _line.ResetWrittenCount();
    }

    public void Dispose()
    {
        _gzip?.Dispose();
        _body?.Dispose();
        _writer.Dispose();
    }

    private void WriteExtras(InputOptions input, bool split)
    {
        if (input.Fields.Count > 0)
        {
            _writer.WriteStartObject(FieldsName);
            foreach (var (key, value) in input.Fields)
            {
                _writer.WriteString(key, value);
            }

            _writer.WriteEndObject();
        }

        if (input.Tags.Count > 0 || split)
        {
            _writer.WriteStartArray(TagsName);
            foreach (var tag in input.Tags)
            {
                _writer.WriteStringValue(tag);
            }

            if (split)
            {
                _writer.WriteStringValue(SplitTag);
            }

            _writer.WriteEndArray();
        }
    }
}
