using System.Buffers;

namespace LogPipeline.Shipper.Batching;

/// <summary>
/// Where a batch's gzip body is written: one array rented from a small pool of its own, swapped for a larger one when
/// full. The body lives from encoding until ingest has answered for good; <see cref="Return"/> then hands the array
/// back. Steady sending so allocates no new body arrays: at this size they would go to the large-object heap and stay
/// resident until a full collection (the shipper's RSS target is 40 MB). Write-only, not seekable.
/// </summary>
internal sealed class BodyBuffer : Stream
{
    /// <summary>Enough arrays per size for the bodies that can exist at once: in flight, queued, being encoded.</summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 256 << 20, maxArraysPerBucket: 24);
    private byte[] _array;
    private int _length;

    public BodyBuffer(int capacity) => _array = Pool.Rent(Math.Max(capacity, 4096));

    /// <summary>The bytes written so far (valid until <see cref="Return"/>).</summary>
    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException("a body buffer is written front to back");
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_array.Length - _length < buffer.Length)
        {
            var larger = Pool.Rent(Math.Max(_array.Length * 2, _length + buffer.Length));
            _array.AsSpan(0, _length).CopyTo(larger);
            Pool.Return(_array);
            _array = larger;
        }

        buffer.CopyTo(_array.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Gives the array back to the pool; the body must not be used after this.</summary>
    public void Return()
    {
        var array = Interlocked.Exchange(ref _array, []);
        _length = 0;
        if (array.Length > 0)
        {
            Pool.Return(array);
        }
    }

    public override void Flush()
    {
        // Nothing buffered: writes land in the array.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("a body buffer is write-only");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a body buffer is not seekable");

    public override void SetLength(long value) => throw new NotSupportedException("a body buffer only grows by writes");
}
