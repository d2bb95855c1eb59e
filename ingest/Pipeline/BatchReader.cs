using System.IO.Compression;
using LogPipeline.Ingest.Configuration;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>
/// Reads a shipper batch (NDJSON, optionally gzip) within the configured limits. Refusals name the limit or the
/// first bad line, so the shipper's dead-letter file says what to fix.
/// </summary>
internal sealed class BatchReader
{
    private readonly IngestOptions _options;

    public BatchReader(IngestOptions options) => _options = options;

    public async Task<BatchReadResult> ReadAsync(Stream body, long? contentLength, string? contentEncoding, CancellationToken cancellationToken)
    {
        var (bytes, status, error) = await ReadPooledAsync(body, contentLength, contentEncoding, cancellationToken);
        if (bytes is null)
        {
            return BatchReadResult.Refuse(status, error!);
        }

        using (bytes)
        {
            return Split(bytes.Span);
        }
    }

    /// <summary>The request body, decompressed, within the limits; or the status and message that refuse it.</summary>
    public async Task<(byte[]? Body, int Status, string? Error)> ReadBodyAsync(Stream body, long? contentLength, string? contentEncoding, CancellationToken cancellationToken)
    {
        var (bytes, status, error) = await ReadPooledAsync(body, contentLength, contentEncoding, cancellationToken);
        using (bytes)
        {
            return (bytes?.ToArray(), status, error);
        }
    }

    private async Task<(PooledBytes? Body, int Status, string? Error)> ReadPooledAsync(Stream body, long? contentLength, string? contentEncoding, CancellationToken cancellationToken)
    {
        if (contentLength > _options.MaxRequestBytes)
        {
            return (null, 413, TooLargeMessage);
        }

        var gzip = contentEncoding switch
        {
            null or "" or "identity" => false,
            _ when contentEncoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) => true,
            _ => (bool?)null,
        };
        if (gzip is null)
        {
            return (null, 415, $"Content-Encoding '{contentEncoding}' is not supported: send gzip or identity");
        }

        try
        {
            return (await ReadAllAsync(body, contentLength, gzip.Value, cancellationToken), 200, null);
        }
        catch (LimitExceededException e)
        {
            return (null, 413, e.Decompressed
                ? $"decompressed body is over Ingest:MaxDecompressedBytes ({_options.MaxDecompressedBytes} bytes): send smaller batches"
                : TooLargeMessage);
        }
        catch (InvalidDataException)
        {
            return (null, 400, "body is not valid gzip, or is truncated (Content-Encoding: gzip was given; send one complete gzip member)");
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own body limit (set to the same value) may trip before ours; other cases are malformed framing.
            return (null, e.StatusCode, e.StatusCode == 413 ? TooLargeMessage : $"malformed request body ({e.Message})");
        }
    }

    private string TooLargeMessage => $"request body is over Ingest:MaxRequestBytes ({_options.MaxRequestBytes} bytes): send smaller batches";

    private async Task<PooledBytes> ReadAllAsync(Stream body, long? contentLength, bool gzip, CancellationToken cancellationToken)
    {
        var raw = await PooledBytes.ReadAsync(new LimitedReadStream(body, _options.MaxRequestBytes, decompressed: false), contentLength, cancellationToken);
        if (!gzip)
        {
            return raw;
        }

        using (raw)
        {
            // GZipStream reads a truncated body as a short one without complaint, so the trailer's ISIZE (the
            // uncompressed length mod 2^32 of the last member) is checked against what came out.
            var span = raw.Span;
            if (span.Length < 18 || span[0] != 0x1f || span[1] != 0x8b)
            {
                throw new InvalidDataException("no gzip header");
            }

            var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(span[^4..]);
            await using var inflating = new LimitedReadStream(new GZipStream(raw.AsStream(), CompressionMode.Decompress), _options.MaxDecompressedBytes, decompressed: true);
            // The trailer's size is the client's word: trust it only as far as a plausible compression ratio (text
            // rarely beats 32:1); past that the buffer grows as the data actually arrives.
            var hint = Math.Min(Math.Min(size, _options.MaxDecompressedBytes), (long)span.Length * 32);
            var inflated = await PooledBytes.ReadAsync(inflating, hint, cancellationToken);
            if (size != (uint)inflated.Length)
            {
                inflated.Dispose();
                throw new InvalidDataException("gzip body truncated");
            }

            return inflated;
        }
    }

    private BatchReadResult Split(ReadOnlySpan<byte> span)
    {
        var events = new List<IncomingEvent>();
        var repeated = new RepeatedStrings();
        var lineNumber = 0;
        while (!span.IsEmpty)
        {
            var nl = span.IndexOf((byte)'\n');
            var line = nl < 0 ? span : span[..nl];
            span = nl < 0 ? [] : span[(nl + 1)..];
            lineNumber++;
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            if (line.Length > _options.MaxEventBytes)
            {
                return BatchReadResult.Refuse(413, $"line {lineNumber}: event is {line.Length} bytes, over Ingest:MaxEventBytes ({_options.MaxEventBytes})");
            }

            if (events.Count == _options.MaxEventsPerBatch)
            {
                return BatchReadResult.Refuse(413, $"batch has more than Ingest:MaxEventsPerBatch ({_options.MaxEventsPerBatch}) events");
            }

            if (!EventJson.TryRead(line, repeated, out var incoming, out var error))
            {
                return BatchReadResult.Refuse(400, $"line {lineNumber}: {error}");
            }

            events.Add(incoming!);
        }

        return events.Count == 0 ? BatchReadResult.Refuse(400, "batch is empty: send one JSON event per line") : BatchReadResult.Ok(events);
    }
}
