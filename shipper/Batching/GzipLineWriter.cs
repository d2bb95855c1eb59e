using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LogPipeline.Shipper.Batching;

/// <summary>
/// A gzip member (RFC 1952) of one deflate block in the fixed Huffman code (RFC 1951), written a line at a time: the
/// approach of zlib-ng's fastest level (one probe of a hash of 4 bytes per position, greedy matches, no chains, the
/// fixed code; classic zlib's level 1 keeps hash chains and dynamic trees), but told
/// which part of each line is random (the event id: 32 hex digits that never match), which it writes as literals
/// without hashing. In zlib those 32 bytes per event were 40 % of the compression time.
/// </summary>
internal sealed class GzipLineWriter
{
    private const int Window = 32 * 1024;
    private const int MaxMatch = 258;
    private const int HashBits = 15;
    private static readonly byte[] Header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    private readonly int[] _head = new int[1 << HashBits];
    private readonly byte[] _out = new byte[16 * 1024];
    private byte[] _data = new byte[4 * Window];
    private int _dataStart; // Position in the stream of _data[0].
    private int _length; // Bytes in _data (history and the lines written).
    private int _crcDone; // Bytes of _data already in the CRC.
    private uint _crc;
    private ulong _bits;
    private int _bitCount;
    private int _outLength;
    private Stream? _body;

    /// <summary>Starts a new member written to <paramref name="body"/>.</summary>
    public void Start(Stream body)
    {
        _body = body;
        Array.Fill(_head, int.MinValue / 2);
        _dataStart = 0;
        _length = 0;
        _crcDone = 0;
        _crc = 0;
        _bits = 0;
        _bitCount = 0;
        _outLength = 0;
        Header.CopyTo(_out, 0);
        _outLength = Header.Length;
        Put(0b011, 3); // BFINAL = 1 (the only block), BTYPE = 01 (fixed code).
    }

    /// <summary>Room for the next line (at least <paramref name="room"/> bytes); write it there, then <see cref="Commit"/>.</summary>
    public Span<byte> GetSpan(int room)
    {
        if (_data.Length - _length < room)
        {
            MakeRoom(room);
        }

        return _data.AsSpan(_length);
    }

    /// <summary>
    /// Compresses the <paramref name="length"/> bytes written at <see cref="GetSpan"/>; bytes
    /// [<paramref name="literalFrom"/>, <paramref name="literalTo"/>) of them are written as literals without a match
    /// search (random text).
    /// </summary>
    public void Commit(int length, int literalFrom, int literalTo)
    {
        var end = _length + length;
        var p = _length;
        Compress(ref p, _length + literalFrom, end);
        var literalEnd = _length + literalTo;
        for (; p + 3 <= literalEnd; p += 3)
        {
            // Three literals in one put: at most 27 bits.
            var (a, b, c) = (_data[p], _data[p + 1], _data[p + 2]);
            var ab = FixedHuffman.LiteralLengths[a] + FixedHuffman.LiteralLengths[b];
            Put(FixedHuffman.LiteralBits[a] | (FixedHuffman.LiteralBits[b] << FixedHuffman.LiteralLengths[a]) | (FixedHuffman.LiteralBits[c] << ab),
                ab + FixedHuffman.LiteralLengths[c]);
        }

        for (; p < literalEnd; p++)
        {
            Literal(_data[p]);
        }

        Compress(ref p, end, end);
        _length = end;
    }

    /// <summary>Ends the member: end-of-block, the CRC-32 and the size of everything written.</summary>
    public void Finish()
    {
        Put(0, FixedHuffman.EndOfBlockBits);
        while (_bitCount > 0)
        {
            Byte((byte)_bits);
            _bits >>= 8;
            _bitCount = Math.Max(0, _bitCount - 8);
        }

        _crc = Crc32.Append(_crc, _data.AsSpan(_crcDone, _length - _crcDone));
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)(_dataStart + _length));
        foreach (var b in trailer)
        {
            Byte(b);
        }

        _body!.Write(_out, 0, _outLength);
        _outLength = 0;
        _body = null;
    }

    /// <summary>Greedy matching from <paramref name="p"/> up to <paramref name="stop"/>; matches may run on to <paramref name="end"/>.</summary>
    private void Compress(ref int p, int stop, int end)
    {
        ref var data = ref MemoryMarshal.GetArrayDataReference(_data);
        while (p < stop)
        {
            if (end - p >= 4)
            {
                var four = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref data, p));
                var hash = (int)((four * 2654435761u) >> (32 - HashBits));
                var position = _dataStart + p;
                var candidate = _head[hash];
                _head[hash] = position;
                var distance = position - candidate;
                // Unsigned, so that an empty bucket (int.MinValue / 2) can never pass as near, however large a body grows.
                if ((uint)(distance - 1) < Window && Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref data, candidate - _dataStart)) == four)
                {
                    var length = MatchLength(ref data, candidate - _dataStart, p, Math.Min(MaxMatch, end - p));
                    Match(length, distance);
                    p += length;
                    continue;
                }
            }

            Literal(Unsafe.Add(ref data, p));
            p++;
        }
    }

    private static int MatchLength(ref byte data, int from, int at, int max)
    {
        var length = 4;
        while (length + 8 <= max)
        {
            var diff = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, from + length)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, at + length));
            if (diff != 0)
            {
                return length + (BitOperations.TrailingZeroCount(diff) >> 3);
            }

            length += 8;
        }

        while (length < max && Unsafe.Add(ref data, from + length) == Unsafe.Add(ref data, at + length))
        {
            length++;
        }

        return length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Literal(byte b) => Put(FixedHuffman.LiteralBits[b], FixedHuffman.LiteralLengths[b]);

    private void Match(int length, int distance)
    {
        var count = FixedHuffman.MatchBits(length, distance, out var bits);
        Put(bits, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(uint bits, int count)
    {
        _bits |= (ulong)bits << _bitCount;
        _bitCount += count;
        if (_bitCount >= 32)
        {
            if (_out.Length - _outLength < 4)
            {
                _body!.Write(_out, 0, _outLength);
                _outLength = 0;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(_out.AsSpan(_outLength), (uint)_bits);
            _outLength += 4;
            _bits >>= 32;
            _bitCount -= 32;
        }
    }

    private void Byte(byte b)
    {
        if (_outLength == _out.Length)
        {
            _body!.Write(_out, 0, _outLength);
            _outLength = 0;
        }

        _out[_outLength++] = b;
    }

    /// <summary>Keeps the last <see cref="Window"/> bytes (matches reach that far back) and makes room after them.</summary>
    private void MakeRoom(int room)
    {
        _crc = Crc32.Append(_crc, _data.AsSpan(_crcDone, _length - _crcDone));
        var keep = Math.Min(_length, Window);
        var drop = _length - keep;
        if (keep + room > _data.Length)
        {
            var larger = new byte[Math.Max(_data.Length * 2, keep + room)];
            _data.AsSpan(drop, keep).CopyTo(larger);
            _data = larger;
        }
        else
        {
            _data.AsSpan(drop, keep).CopyTo(_data);
        }

        _dataStart += drop;
        _length = keep;
        _crcDone = keep;
    }
}
