using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace LogPipeline.Shipper.Batching;

/// <summary>
/// Writes a message's UTF-8 bytes as the inside of a JSON string, byte for byte as
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> would, only faster on the usual log line. An access log
/// line holds quotes, so nearly every message needs escaping; the encoder then goes through the rest of the line one
/// character at a time, which took 16 % of the shipper's CPU. Here vectorised searches jump from one byte to escape to
/// the next and copy the runs between them. The first non-ASCII byte hands the rest of the message to the encoder
/// itself, so non-ASCII text (rare in these logs) comes out exactly as it did.
/// </summary>
/// <remarks>
/// Two plain searches (quote or backslash; then any byte outside printable ASCII) rather than one
/// <see cref="System.Buffers.SearchValues{T}"/> of all of them: a set mixing ASCII and non-ASCII bytes takes a
/// shuffle-based search that the Native AOT build (baseline x64 instructions) runs in software, and it cost 40 % of
/// the CPU. The searches used here need only SSE2.
/// </remarks>
internal static class JsonEscaper
{
    /// <summary>The most bytes one input byte can become (<c>\u00XX</c>; the encoder's worst case is 6 per byte too).</summary>
    public const int MaxExpansion = 6;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// Writes <paramref name="source"/> escaped into <paramref name="destination"/>, which must hold
    /// <see cref="MaxExpansion"/> bytes per source byte, and returns true with the bytes written; false when
    /// <paramref name="source"/> is not valid UTF-8 (the caller sends it as base64 instead). UTF-8 is checked only from
    /// the first non-ASCII byte on: the search for bytes to escape already proves everything before it ASCII.
    /// </summary>
    public static bool TryEscape(ReadOnlySpan<byte> source, Span<byte> destination, out int written)
    {
        written = 0;
        while (true)
        {
            // Control characters, DEL and non-ASCII bytes: rare, so searched for once per stretch, not per quote.
            var other = source.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
            written += EscapeQuotes(other < 0 ? source : source[..other], destination[written..]);
            if (other < 0)
            {
                return true;
            }

            var b = source[other];
            if (b >= 0x80)
            {
                if (!Utf8.IsValid(source[other..]))
                {
                    return false;
                }

                var status = Encoder.EncodeUtf8(source[other..], destination[written..], out _, out var encoded);
                if (status != OperationStatus.Done)
                {
                    throw new InvalidOperationException($"escaping a message: {status} (the destination is sized for the worst case)");
                }

                written += encoded;
                return true;
            }

            written += EscapeAscii(b, destination[written..]);
            source = source[(other + 1)..];
        }
    }

    /// <summary>Printable ASCII: only quotes and backslashes are escaped.</summary>
    private static int EscapeQuotes(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var stop = source.IndexOfAny((byte)'"', (byte)'\\');
            if (stop < 0)
            {
                source.CopyTo(destination[written..]);
                return written + source.Length;
            }

            source[..stop].CopyTo(destination[written..]);
            destination[written + stop] = (byte)'\\';
            destination[written + stop + 1] = source[stop];
            written += stop + 2;
            source = source[(stop + 1)..];
        }
    }

    /// <summary>A control character or DEL: the encoder's short form where JSON has one, else <c>\u00XX</c>.</summary>
    private static int EscapeAscii(byte b, Span<byte> destination)
    {
        var shortForm = b switch
        {
            (byte)'\b' => (byte)'b',
            (byte)'\f' => (byte)'f',
            (byte)'\n' => (byte)'n',
            (byte)'\r' => (byte)'r',
            (byte)'\t' => (byte)'t',
            _ => (byte)0,
        };
        destination[0] = (byte)'\\';
        if (shortForm != 0)
        {
            destination[1] = shortForm;
            return 2;
        }

        // \u00XX with uppercase hex digits, as the encoder writes them.
        destination[1] = (byte)'u';
        destination[2] = (byte)'0';
        destination[3] = (byte)'0';
        destination[4] = UpperHex(b >> 4);
        destination[5] = UpperHex(b & 0xF);
        return 6;
    }

    private static byte UpperHex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
}
