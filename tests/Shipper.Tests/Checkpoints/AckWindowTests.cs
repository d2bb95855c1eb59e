using LogPipeline.Shipper.Checkpoints;

namespace LogPipeline.Shipper.Tests.Checkpoints;

public sealed class AckWindowTests
{
    private readonly FileCheckpoint _a = new() { Path = "/a.log", Fingerprint = "a" };
    private readonly FileCheckpoint _b = new() { Path = "/b.log", Fingerprint = "b" };

    private (AckWindow Window, CheckpointRegistry Registry) Create()
    {
        var registry = new CheckpointRegistry("h", [_a, _b]);
        return (new AckWindow(registry, TimeProvider.System), registry);
    }

    [Fact]
    public void Handled_LaterBatchesFirst_OffsetsWaitForTheEarliest()
    {
        var (window, _) = Create();
        var first = window.Open([(_a, 100)]);
        var second = window.Open([(_a, 200)]);
        var third = window.Open([(_a, 300), (_b, 50)]);

        window.Handled(third);
        window.Handled(second);

        Assert.Equal(0, _a.AckedOffset);
        Assert.Equal(0, _b.AckedOffset);
        Assert.Equal(3, window.Pending);

        window.Handled(first);

        Assert.Equal(300, _a.AckedOffset);
        Assert.Equal(50, _b.AckedOffset);
        Assert.Equal(0, window.Pending);
    }

    [Fact]
    public void Handled_GapInTheMiddle_AdvancesOnlyOverThePrefix()
    {
        var (window, _) = Create();
        var first = window.Open([(_a, 100)]);
        _ = window.Open([(_a, 200)]); // never handled: the shipper is killed with it in flight
        var third = window.Open([(_a, 300)]);

        window.Handled(third);
        window.Handled(first);

        Assert.Equal(100, _a.AckedOffset);
        Assert.Equal(2, window.Pending);
    }

    [Fact]
    public void Handled_InOrder_EachAdvancesAndMarksRegistryDirty()
    {
        var (window, registry) = Create();
        var (_, saved) = registry.Snapshot();
        registry.MarkSaved(saved);

        window.Handled(window.Open([(_b, 10)]));
        Assert.Equal(10, _b.AckedOffset);
        Assert.True(registry.Dirty);

        window.Handled(window.Open([(_b, 25)]));
        Assert.Equal(25, _b.AckedOffset);
    }
}
