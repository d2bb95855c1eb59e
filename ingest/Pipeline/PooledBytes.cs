using System.Buffers;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>
/// A request body read into an array rented from the shared pool (grown by doubling), so that batches of a few
/// megabytes do not each allocate — and, past 85 KB, collect — a large-object-heap array per copy. Dispose returns it.
/// </summary>
internal sealed class PooledBytes : IDisposable
{
    private const int MaxHint = 16 * 1024 * 1024;

    private byte[] _array;

    private PooledBytes(int capacity) => _array = ArrayPool<byte>.Shared.Rent(Math.Clamp(capacity, 4096, MaxHint));

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    /// <summary>Reads <paramref name="source"/> to its end; <paramref name="sizeHint"/> is the expected length, if known.</summary>
    public static async Task<PooledBytes> ReadAsync(Stream source, long? sizeHint, CancellationToken cancellationToken)
    {
        // One byte over the hint, so the final zero-length read needs no growth; capped (the pool rounds up to a power
        // of two, so a capped hint plus one would rent twice the cap).
        var bytes = new PooledBytes((int)Math.Min((sizeHint ?? 0) + 1, MaxHint));
        try
        {
            int n;
            do
            {
                if (bytes.Length == bytes._array.Length)
                {
                    bytes.Grow();
                }

                n = await source.ReadAsync(bytes._array.AsMemory(bytes.Length), cancellationToken);
                bytes.Length += n;
            }
            while (n > 0);

            return bytes;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    /// <summary>The bytes as a stream, without a copy.</summary>
    public MemoryStream AsStream() => new(_array, 0, Length, writable: false);

    public byte[] ToArray() => Span.ToArray();

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, []);
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(_array.Length * 2));
        _array.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
