using LogPipeline.Ingest.Detection;

namespace LogPipeline.Ingest.Tests.Detection;

[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>Runs alone: it measures the managed heap, which other tests running in parallel would disturb.</summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class ScanDetectorMemoryTests
{
    private const int Cap = 10_000;
    private const int Addresses = 1_000_000;

    [Fact]
    public void Observe_FloodFromMillionDistinctAddresses_StateStaysAtCapAndHeapBounded()
    {
        var detector = new ScanDetector(new DetectionOptions { MaxTrackedAddresses = Cap }, new FakeTimeProvider(AccessEvents.T0.AddDays(1)));
        var probe = AccessEvents.Create("0.0.0.0", 0, path: "/no-such-page", status: 404);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var alerts = 0L;

        for (var i = 0; i < Addresses; i++)
        {
            // Every address gets one 404 within the same minute: each one creates probing state (one 404 is no alert).
            probe.Set("source.ip", $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");
            probe.Timestamp = AccessEvents.T0.AddTicks(i * 600L);
            alerts += detector.Observe(probe).Count;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(0, alerts);
        Assert.Equal(Cap, detector.TrackedKeys);
        Assert.Equal(Addresses - Cap, detector.EvictedKeys);
        Assert.True(after - before < 40L * 1024 * 1024, $"Heap grew by {(after - before) / 1024 / 1024} MiB with {Cap} keys tracked.");
        GC.KeepAlive(detector);
    }

    [Fact]
    public void Observe_AttackerAfterFloodFillsTable_StillDetected()
    {
        var detector = new ScanDetector(new DetectionOptions { MaxTrackedAddresses = 1_000 }, new FakeTimeProvider(AccessEvents.T0.AddDays(1)));
        for (var i = 0; i < 50_000; i++)
        {
            detector.Observe(AccessEvents.Create($"10.9.{i >> 8 & 255}.{i & 255}", i * 0.001, path: $"/p{i}", status: 404));
        }

        var alerts = Enumerable.Range(0, 6).SelectMany(i => detector.Observe(AccessEvents.LoginFailure("192.0.2.99", 60 + i))).ToList();

        Assert.Contains(alerts, a => a.GetString("rule.id") == "wp-login-flood");
        Assert.True(detector.TrackedKeys <= 1_000);
    }

    [Fact]
    public void Observe_KeysIdleLongerThanEveryWindow_Expire()
    {
        var detector = new ScanDetector(new DetectionOptions(), new FakeTimeProvider(AccessEvents.T0.AddDays(1)));
        for (var i = 0; i < 100; i++)
        {
            detector.Observe(AccessEvents.LoginFailure($"192.0.2.{i}", i));
        }

        Assert.True(detector.TrackedKeys >= 100);
        detector.Observe(AccessEvents.LoginFailure("198.51.100.1", TimeSpan.FromHours(3).TotalSeconds));

        Assert.InRange(detector.TrackedKeys, 1, 3);
    }
}
