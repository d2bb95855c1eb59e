using LogPipeline.Ingest.Detection;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class MatchCacheTests
{
    [Fact]
    public void ContainsAny_ManyValuesSharingSlots_AlwaysExact()
    {
        var cache = new MatchCache(["sqlmap", "/.env"]);
        var values = Enumerable.Range(0, 5000)
            .Select(i => i % 7 == 0 ? $"agent-{i} SQLMap/1.{i}" : $"agent-{i} Firefox/{i}")
            .ToList();

        for (var round = 0; round < 3; round++)
        {
            foreach (var value in values)
            {
                Assert.Equal(value.Contains("sqlmap", StringComparison.OrdinalIgnoreCase), cache.ContainsAny(value));
            }
        }
    }

    [Fact]
    public void ContainsAny_SameLengthValuesDifferingInOneCharacter_Distinguished()
    {
        var cache = new MatchCache(["/.env"]);

        Assert.True(cache.ContainsAny("/a/.env"));
        Assert.False(cache.ContainsAny("/a/.enx"));
        Assert.True(cache.ContainsAny("/a/.env"));
        Assert.False(cache.ContainsAny(""));
        Assert.True(cache.ContainsAny(new string('x', 600) + "/.env"));
    }
}
