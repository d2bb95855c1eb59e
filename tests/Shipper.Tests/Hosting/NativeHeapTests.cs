using LogPipeline.Shipper.Hosting;

namespace LogPipeline.Shipper.Tests.Hosting;

public sealed class NativeHeapTests
{
    [Fact]
    public void Configure_OnGlibc_AppliedUnlessMallocIsTunedInTheEnvironment()
    {
        var tunedByEnvironment = Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null
            || Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is not null
            || (Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("glibc.malloc.", StringComparison.Ordinal) ?? false);

        var applied = NativeHeap.Configure();

        Assert.Equal(!tunedByEnvironment, applied);
    }
}
