using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// Writes the event ids of one file (<see cref="EventId"/>: the same digest, the same text). With a host name of up
/// to about 20 bytes the whole text (host, a 32-digit fingerprint, the offset) fits in one SHA-256 block (55 bytes of
/// text at most); with a host name of 30 bytes or more (cloud FQDNs) the prefix <c>host \n fingerprint \n</c> fills a
/// first block, which is hashed once here, so each id still costs one block. Host names of about 21–29 bytes (such as
/// EC2's <c>ip-172-31-45-123.ec2.internal</c>) cost two blocks per id (the same id; SHA-256 was 8 % of the shipper's CPU with one).
/// </summary>
internal sealed class EventIdWriter
{
    /// <summary>Lowercase hex digits of every byte value, two ASCII bytes per entry in memory order.</summary>
    private static readonly ushort[] HexPairs = BuildHexPairs();

    private readonly byte[] _prefix;
    private readonly byte[]? _context;
    private readonly int _absorbed;

    public EventIdWriter(string host, string fingerprint)
    {
        _prefix = Encoding.UTF8.GetBytes($"{host}\n{fingerprint}\n");
        var blocks = _prefix.Length / Sha256Native.BlockBytes * Sha256Native.BlockBytes;
        var context = new byte[Sha256Native.ContextBytes];
        if (blocks > 0 && Sha256Native.TryAbsorb(_prefix.AsSpan(0, blocks), context))
        {
            _context = context;
            _absorbed = blocks;
        }
    }

    /// <summary>True when the prefix's whole blocks are hashed once (libcrypto in use, prefix of 64 bytes or more).</summary>
    public bool Precomputed => _context is not null;

    /// <summary>Writes the id of the event at <paramref name="offset"/> as <see cref="EventId.Length"/> ASCII bytes.</summary>
    public void Write(long offset, Span<byte> destination)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(offset, digits, out var length);
        Write(digits[..length], destination);
    }

    /// <summary>
    /// Writes the id of the event whose offset, in decimal ASCII digits, is <paramref name="offsetDigits"/> (the batch
    /// encoder has them already: they are the event's <c>offset</c> field).
    /// </summary>
    public void Write(ReadOnlySpan<byte> offsetDigits, Span<byte> destination)
    {
        var rest = _prefix.AsSpan(_absorbed);
        Span<byte> text = stackalloc byte[rest.Length + offsetDigits.Length];
        rest.CopyTo(text);
        offsetDigits.CopyTo(text[rest.Length..]);
        Span<byte> hash = stackalloc byte[32];
        if (_context is null)
        {
            Sha256Native.Hash(text, hash);
        }
        else
        {
            Sha256Native.HashFrom(_context, text, hash);
        }

        // The first 16 bytes as 32 lowercase hex digits, two at a time from a table: the runtime's vectorised hex
        // conversion (to chars, then narrowed) cost 7 % of the shipper's CPU in the Native AOT build.
        var pairs = MemoryMarshal.Cast<byte, ushort>(destination[..EventId.Length]);
        for (var i = 0; i < 16; i++)
        {
            pairs[i] = HexPairs[hash[i]];
        }
    }

    private static ushort[] BuildHexPairs()
    {
        var digits = "0123456789abcdef"u8;
        var pairs = new ushort[256];
        Span<byte> two = stackalloc byte[2];
        for (var b = 0; b < 256; b++)
        {
            two[0] = digits[b >> 4];
            two[1] = digits[b & 0xF];
            pairs[b] = MemoryMarshal.Read<ushort>(two);
        }

        return pairs;
    }
}
