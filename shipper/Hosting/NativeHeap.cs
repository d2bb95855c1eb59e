using System.Runtime.InteropServices;

namespace LogPipeline.Shipper.Hosting;

/// <summary>
/// glibc malloc settings for a small resident set, applied once at <c>run</c>. Set for zlib's deflate state (a few
/// hundred KiB, allocated and freed once per batch by <see cref="System.IO.Compression.GZipStream"/> until the shipper
/// wrote its own gzip, <see cref="Batching.GzipLineWriter"/>); kept as a guard for any other large native block.
/// By default glibc raises its mmap threshold to the largest block freed so far, so after the first batch these blocks
/// come from whichever thread's arena the batcher ran on, and the arenas keep the freed memory: several MiB resident. A fixed
/// threshold of 128 KiB (glibc's initial value) keeps every such block mapped on its own and unmapped when freed; the
/// trim threshold returns free memory at the top of an arena. Environment settings win: with <c>MALLOC_*_</c> or
/// glibc malloc tunables set, nothing is changed. Without glibc (no <c>mallopt</c>), nothing is changed either.
/// </summary>
internal static unsafe class NativeHeap
{
    public const int MmapThresholdBytes = 128 * 1024;
    public const int TrimThresholdBytes = 128 * 1024;
    private const int TrimThresholdOption = -1; // M_TRIM_THRESHOLD in malloc.h
    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD

    /// <summary>Applies the settings; true when glibc took them.</summary>
    public static bool Configure()
    {
        if (SetInEnvironment() || !NativeLibrary.TryLoad("libc.so.6", out var libc))
        {
            return false;
        }

        if (!NativeLibrary.TryGetExport(libc, "mallopt", out var export))
        {
            return false;
        }

        var mallopt = (delegate* unmanaged<int, int, int>)export;
        var mmap = mallopt(MmapThresholdOption, MmapThresholdBytes) == 1;
        var trim = mallopt(TrimThresholdOption, TrimThresholdBytes) == 1;
        return mmap && trim;
    }

    private static bool SetInEnvironment() =>
        Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null
        || Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is not null
        || Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is { } tunables && tunables.Contains("glibc.malloc.", StringComparison.Ordinal);
}
