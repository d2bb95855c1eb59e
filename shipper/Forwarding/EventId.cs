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
        Span<char> id = stackalloc char[Length];
        Write(Encoding.UTF8.GetBytes($"{host}\n{fingerprint}\n"), offset, id);
        return new string(id);
    }

    /// <summary>Writes the id into <paramref name="destination"/> (32 chars); <paramref name="prefix"/> is the UTF-8 of <c>host\nfingerprint\n</c>.</summary>
    public static void Write(ReadOnlySpan<byte> prefix, long offset, Span<char> destination)
    {
        Span<byte> text = stackalloc byte[prefix.Length + 20];
        prefix.CopyTo(text);
        Utf8Formatter.TryFormat(offset, text[prefix.Length..], out var digits);
        Span<byte> hash = stackalloc byte[32];
        Sha256Native.Hash(text[..(prefix.Length + digits)], hash);
        Convert.TryToHexStringLower(hash[..16], destination, out _);
    }
}
