using LogPipeline.Ingest.Detection;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class DistinctWindowTests
{
    [Fact]
    public void Add_SamePathRepeated_CountsOnce()
    {
        var window = new DistinctWindow(3, TimeSpan.FromSeconds(60));

        var held = Enumerable.Range(0, 50).Select(i => window.Add(i, "/favicon.ico")).ToList();

        Assert.DoesNotContain(true, held);
        Assert.Equal(1, window.Count);
    }

    [Fact]
    public void Add_DistinctPathsWithinWindow_Holds()
    {
        var window = new DistinctWindow(3, TimeSpan.FromSeconds(60));
        window.Add(TimeSpan.FromSeconds(0).Ticks, "/a");
        window.Add(TimeSpan.FromSeconds(1).Ticks, "/b");

        Assert.True(window.Add(TimeSpan.FromSeconds(2).Ticks, "/c"));
        Assert.Equal(["/a", "/b", "/c"], window.Keys.Order());
    }

    [Fact]
    public void Add_OldPathsOutsideWindow_AreDropped()
    {
        var window = new DistinctWindow(3, TimeSpan.FromSeconds(60));
        window.Add(TimeSpan.FromSeconds(0).Ticks, "/a");
        window.Add(TimeSpan.FromSeconds(1).Ticks, "/b");

        Assert.False(window.Add(TimeSpan.FromSeconds(60.5).Ticks, "/c"));
        Assert.Equal(["/b", "/c"], window.Keys.Order());
    }
}
