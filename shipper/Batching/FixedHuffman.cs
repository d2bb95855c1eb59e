namespace LogPipeline.Shipper.Batching;

/// <summary>
/// The fixed Huffman code of deflate (RFC 1951, 3.2.6), as bit strings ready for an LSB-first bit buffer: each entry
/// holds the code's bits reversed (Huffman codes are sent most significant bit first) followed by its extra bits, and
/// the entry's total length.
/// </summary>
internal static class FixedHuffman
{
    public const int EndOfBlockBits = 7; // Symbol 256: seven zero bits.

    // The RFC's tables; before the public tables, which static initialisation builds from them in textual order.
    private static readonly int[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly int[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] DistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly int[] DistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    /// <summary>Literal byte → (bits, length): 8 bits for 0–143, 9 bits for 144–255.</summary>
    public static readonly uint[] LiteralBits = BuildLiterals(out LiteralLengths);

    public static readonly byte[] LiteralLengths;

    /// <summary>Match length 3–258 → its length symbol's code followed by the extra bits of that length.</summary>
    public static readonly uint[] LengthBits = BuildLengths(out LengthLengths);

    public static readonly byte[] LengthLengths;

    /// <summary>Distance code (0–29) by distance − 1, zlib's layout (see <see cref="BuildDistanceCodes"/>).</summary>
    private static readonly byte[] DistanceCodes = BuildDistanceCodes();

    /// <summary>The 5-bit distance codes, reversed.</summary>
    private static readonly uint[] DistanceCodeBits = BuildDistanceCodeBits();

    /// <summary>
    /// A match of <paramref name="length"/> (4–258) bytes <paramref name="distance"/> (1–32768) back: its length code,
    /// length extra bits, distance code and distance extra bits, at most 31 bits; returns the bit count.
    /// </summary>
    public static int MatchBits(int length, int distance, out uint bits)
    {
        var d = distance - 1;
        var code = d < 256 ? DistanceCodes[d] : DistanceCodes[256 + (d >> 7)];
        var lengthBits = LengthLengths[length];
        bits = LengthBits[length] | ((DistanceCodeBits[code] | ((uint)(distance - DistanceBase[code]) << 5)) << lengthBits);
        return lengthBits + 5 + DistanceExtra[code];
    }

    /// <summary>The code of a literal/length symbol (0–287): (code, length) before reversal.</summary>
    private static (uint Code, int Length) Symbol(int symbol) => symbol switch
    {
        < 144 => ((uint)(0x30 + symbol), 8),
        < 256 => ((uint)(0x190 + symbol - 144), 9),
        < 280 => ((uint)(symbol - 256), 7),
        _ => ((uint)(0xC0 + symbol - 280), 8),
    };

    private static uint Reverse(uint code, int length)
    {
        uint reversed = 0;
        for (var i = 0; i < length; i++)
        {
            reversed = (reversed << 1) | ((code >> i) & 1);
        }

        return reversed;
    }

    private static uint[] BuildLiterals(out byte[] lengths)
    {
        var bits = new uint[256];
        lengths = new byte[256];
        for (var b = 0; b < 256; b++)
        {
            var (code, length) = Symbol(b);
            bits[b] = Reverse(code, length);
            lengths[b] = (byte)length;
        }

        return bits;
    }

    private static uint[] BuildLengths(out byte[] lengths)
    {
        var bits = new uint[259];
        lengths = new byte[259];
        for (var i = 0; i < LengthBase.Length; i++)
        {
            var last = i + 1 < LengthBase.Length - 1 ? LengthBase[i + 1] - 1 : LengthBase[i] + (1 << LengthExtra[i]) - 1;
            for (var length = LengthBase[i]; length <= Math.Min(last, 258); length++)
            {
                if (length == 258 && i != LengthBase.Length - 1)
                {
                    continue; // 258 has its own symbol (285), not 284 with extra bits 31.
                }

                var (code, codeLength) = Symbol(257 + i);
                bits[length] = Reverse(code, codeLength) | ((uint)(length - LengthBase[i]) << codeLength);
                lengths[length] = (byte)(codeLength + LengthExtra[i]);
            }
        }

        return bits;
    }

    /// <summary>zlib's layout: the code of distance − 1 for 0–255, then of (distance − 1) / 128 for larger ones.</summary>
    private static byte[] BuildDistanceCodes()
    {
        var codes = new byte[512];
        for (var code = 0; code < DistanceBase.Length; code++)
        {
            for (var d = DistanceBase[code] - 1; d < DistanceBase[code] - 1 + (1 << DistanceExtra[code]); d++)
            {
                if (d < 256)
                {
                    codes[d] = (byte)code;
                }
                else
                {
                    codes[256 + (d >> 7)] = (byte)code;
                }
            }
        }

        return codes;
    }

    private static uint[] BuildDistanceCodeBits() => [.. Enumerable.Range(0, 30).Select(code => Reverse((uint)code, 5))];
}
