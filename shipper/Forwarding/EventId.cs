using System.Buffers.Text;
using System.Text;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// The deterministic event id of docs/protocol.md: lowercase hex of the first 16 bytes of SHA-256 over the UTF-8
/// text <c>host \n fingerprint \n offset</c>. A re-send after a retry or a restart carries the same id.
/// </summary>
internal static class EventId
{
    public const int Length = 32;

    public static string Compute(string host, string fingerprint, long offset)
    {
        Span<byte> id = stackalloc byte[Length];
        Write(Encoding.UTF8.GetBytes($"{host}\n{fingerprint}\n"), offset, id);
        return Encoding.ASCII.GetString(id);
    }

    /// <summary>
    /// Writes the id as ASCII into <paramref name="destination"/> (32 bytes); <paramref name="prefix"/> is the UTF-8 of
    /// <c>host\nfingerprint\n</c>. The hex digits are written straight from a table: the runtime's vectorised hex
    /// conversion (to chars, then narrowed) cost 7 % of the shipper's CPU for these 16 bytes per event.
    /// </summary>
    public static void Write(ReadOnlySpan<byte> prefix, long offset, Span<byte> destination)
    {
        Span<byte> text = stackalloc byte[prefix.Length + 20];
        prefix.CopyTo(text);
        Utf8Formatter.TryFormat(offset, text[prefix.Length..], out var digits);
        Span<byte> hash = stackalloc byte[32];
        Sha256Native.Hash(text[..(prefix.Length + digits)], hash);
        WriteHex(hash[..16], destination);
    }

    private static void WriteHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        var digits = "0123456789abcdef"u8;
        _ = destination[(bytes.Length * 2) - 1];
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }
    }
}
