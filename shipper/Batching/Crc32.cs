using System.Runtime.InteropServices;

namespace LogPipeline.Shipper.Batching;

/// <summary>
/// CRC-32 (gzip's) through zlib-ng's in the runtime's own compression library (<c>CompressionNative_Crc32</c>, folded
/// with carry-less multiplication where the CPU has it): the same library <see cref="System.IO.Compression.GZipStream"/>
/// uses, linked into the Native AOT binary and shipped next to every other build.
/// </summary>
internal static partial class Crc32
{
    public static unsafe uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        fixed (byte* bytes = data)
        {
            return Native(crc, bytes, data.Length);
        }
    }

    [LibraryImport("libSystem.IO.Compression.Native", EntryPoint = "CompressionNative_Crc32")]
    private static unsafe partial uint Native(uint crc, byte* buffer, int length);
}
