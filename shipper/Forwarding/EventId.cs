using System.Text;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// The deterministic event id of docs/protocol.md: lowercase hex of the first 16 bytes of SHA-256 over the UTF-8
/// text <c>host \n fingerprint \n offset</c>. A re-send after a retry or a restart carries the same id. The batch
/// encoder writes ids through an <see cref="EventIdWriter"/> per file.
/// </summary>
internal static class EventId
{
    public const int Length = 32;

    public static string Compute(string host, string fingerprint, long offset)
    {
        Span<byte> id = stackalloc byte[Length];
        new EventIdWriter(host, fingerprint).Write(offset, id);
        return Encoding.ASCII.GetString(id);
    }
}
