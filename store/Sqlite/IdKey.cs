using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The 64-bit key an event id is indexed by: the first 8 bytes of the SHA-256 of its UTF-8 text. Two distinct ids can
/// share a key (the store then compares the full ids, so neither is ever dropped); a cryptographic hash keeps that
/// rare even for ids a bulk client chooses on purpose, so no id can make the lookups walk long runs of equal keys.
/// </summary>
internal static class IdKey
{
    private const int StackLimit = 256;

    public static long Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var length = Encoding.UTF8.GetMaxByteCount(id.Length);
        var bytes = length <= StackLimit ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(id, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..written], hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    /// <summary>
    /// The key of a version 4 day file (<see cref="DaySchema.Version4Ddl"/>): <see cref="Of"/> with its lowest bit
    /// telling how the event is timed, 1 for the ingest clock (those rows are also in the partial index
    /// <c>events_clock</c>, found by key alone), 0 for the event's own time (found by <c>(ts, key)</c>).
    /// </summary>
    public static long ForVersion4(string id, bool timedByIngestClock) => ForVersion4(Of(id), timedByIngestClock);

    /// <summary><see cref="ForVersion4(string, bool)"/> from the id's key (<see cref="Of"/>).</summary>
    public static long ForVersion4(long key, bool timedByIngestClock) => timedByIngestClock ? key | 1 : key & ~1L;
}
