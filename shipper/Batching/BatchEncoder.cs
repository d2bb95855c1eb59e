using System.Buffers;
using System.Buffers.Text;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Forwarding;
using LogPipeline.Shipper.Framing;

namespace LogPipeline.Shipper.Batching;

/// <summary>
/// Writes events as NDJSON (docs/protocol.md) straight into a gzip stream, one batch at a time, and remembers per file
/// the offset that the batch's acknowledgement covers. Per event only the id, the offset and the message change, so
/// the rest of the line (host, file, fingerprint, dataset, fields, tags) is encoded once per file and copied; the
/// message is copied as is between the characters JSON must escape (<see cref="JsonEscaper"/>).
/// </summary>
internal sealed partial class BatchEncoder : IDisposable
{
    public const string SplitTag = "_line_split";

    private readonly string _host;
    private readonly GzipLineWriter _gzip = new();
    private readonly Dictionary<FileCheckpoint, long> _acks = [];
    private FileCheckpoint? _ackFile;
    private long _ackOffset;
    private FileCheckpoint? _prefixFile;
    private InputOptions? _prefixInput;
    private EventIdWriter? _ids;
    private byte[] _fileFragment = [];
    private byte[] _datasetFragment = [];
    private byte[] _extras = [];
    private byte[] _extrasSplit = [];
    private int _lastBodyLength = 64 * 1024;
    private BodyBuffer? _body;

    public BatchEncoder(string host) => _host = host;

    public int Events { get; private set; }

    public long RawBytes { get; private set; }

    public void Add(EventChunk chunk, in EventSlice slice)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_body is null)
        {
            _body = new BodyBuffer(_lastBodyLength + (_lastBodyLength / 4));
            _gzip.Start(_body);
        }

        if (!ReferenceEquals(chunk.File, _prefixFile) || !ReferenceEquals(chunk.Input, _prefixInput))
        {
            Prepare(chunk.File, chunk.Input);
        }

        var bytes = chunk.Bytes(slice);
        var extras = slice.Split ? _extrasSplit : _extras;
        var room = 96 + _fileFragment.Length + _datasetFragment.Length + extras.Length + (bytes.Length * JsonEscaper.MaxExpansion);
        var line = _gzip.GetSpan(room);
        // The offset's digits are written first, at their place after the id (whose length is fixed), so the id is
        // hashed from them rather than from a second formatting of the offset.
        var idAt = Append(line, 0, "{\"id\":\""u8);
        var n = Append(line, idAt + EventId.Length, "\","u8);
        n = Append(line, n, _fileFragment);
        Utf8Formatter.TryFormat(slice.FileOffset, line[n..], out var digits);
        _ids!.Write(line.Slice(n, digits), line[idAt..]);
        n = Append(line, n + digits, _datasetFragment);
        n = WriteMessage(bytes, line, n);
        n = Append(line, n, extras);
        n = Append(line, n, "}\n"u8);
        _gzip.Commit(n, idAt, idAt + EventId.Length); // The id's hex digits are random: never worth a match search.
        Events++;
        RawBytes += n;

        if (!ReferenceEquals(chunk.File, _ackFile))
        {
            NoteAck();
            _ackFile = chunk.File;
        }

        _ackOffset = slice.NextOffset;
    }

    /// <summary>Closes the gzip stream and hands out the batch; the encoder is ready for the next one.</summary>
    public Batch Finish()
    {
        NoteAck();
        _gzip.Finish();
        var batch = new Batch(_body!.Written, Events, RawBytes, [.. _acks.Select(a => (a.Key, a.Value))]) { Owner = _body };
        _lastBodyLength = batch.Body.Length;
        _body = null;
        _acks.Clear();
        Events = 0;
        RawBytes = 0;
        return batch;
    }

    public void Dispose() => _body?.Return();

    /// <summary>
    /// Records the acknowledged offset of the file whose events were added last. Kept in fields while events of the
    /// same file follow one another, so the dictionary is touched once per run of a file rather than once per event.
    /// </summary>
    private void NoteAck()
    {
        if (_ackFile is not null)
        {
            _acks[_ackFile] = _ackOffset;
            _ackFile = null;
        }
    }

    private static int Append(Span<byte> line, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(line[at..]);
        return at + bytes.Length;
    }

    /// <summary>
    /// <c>"message":"…"</c> with JSON escapes only where needed (quotes, backslashes, control characters), or
    /// <c>"message_base64":"…"</c> when the bytes are not valid UTF-8.
    /// </summary>
    private static int WriteMessage(ReadOnlySpan<byte> bytes, Span<byte> line, int n)
    {
        var start = Append(line, n, ",\"message\":\""u8);
        return JsonEscaper.TryEscape(bytes, line[start..], out var written)
            ? Append(line, start + written, "\""u8)
            : WriteBase64(bytes, line, n);
    }

    /// <summary><c>"message_base64":"…"</c> for bytes that are not valid UTF-8: ingest stores them as they were.</summary>
    private static int WriteBase64(ReadOnlySpan<byte> bytes, Span<byte> line, int n)
    {
        n = Append(line, n, ",\"message_base64\":\""u8);
        Base64.EncodeToUtf8(bytes, line[n..], out _, out var written);
        return Append(line, n + written, "\""u8);
    }
}
