using LogPipeline.Ingest.Detection;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class CountWindowTests
{
    [Fact]
    public void Add_ThresholdEventsWithinWindow_Holds()
    {
        var window = new CountWindow(6, TimeSpan.FromSeconds(10));

        var held = Enumerable.Range(0, 6).Select(i => window.Add(TimeSpan.FromSeconds(i).Ticks, "")).ToList();

        Assert.Equal([false, false, false, false, false, true], held);
    }

    [Fact]
    public void Add_EventsSpreadWiderThanWindow_DoesNotHold()
    {
        var window = new CountWindow(6, TimeSpan.FromSeconds(10));

        var held = Enumerable.Range(0, 30).Select(i => window.Add(TimeSpan.FromSeconds(3 * i).Ticks, "")).ToList();

        Assert.DoesNotContain(true, held);
    }

    [Fact]
    public void Add_AfterGrowingPastInitialCapacity_KeepsTheOldestEntry()
    {
        // Regression: after the ring grew from 4 to 6 slots, the next write overwrote the oldest entry.
        var window = new CountWindow(6, TimeSpan.FromSeconds(10));
        foreach (var s in new[] { 0, 20, 21, 22, 23 })
        {
            window.Add(TimeSpan.FromSeconds(s).Ticks, "");
        }

        Assert.False(window.Add(TimeSpan.FromSeconds(24).Ticks, ""));
        Assert.True(window.Add(TimeSpan.FromSeconds(25).Ticks, ""));
    }

    [Fact]
    public void Add_SlightlyOutOfOrder_StillCountsSpan()
    {
        var window = new CountWindow(3, TimeSpan.FromSeconds(10));
        window.Add(TimeSpan.FromSeconds(5).Ticks, "");
        window.Add(TimeSpan.FromSeconds(1).Ticks, "");

        Assert.True(window.Add(TimeSpan.FromSeconds(11).Ticks, ""));
    }
}
