using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Contract;

public abstract partial class LogStoreContractTests
{
    [Fact]
    public async Task HistogramAsync_HourlyOverTwoDays_CountsEveryBucketIncludingEmptyOnes()
    {
        var start = Events.Day0.AddHours(22);
        await WriteAsync(Events.Minutes(start, 90).Concat(Events.Minutes(start.AddHours(3), 30, "late")).ToList());

        var result = await Search.HistogramAsync(
            new HistogramRequest { From = start, To = start.AddHours(4), Interval = TimeSpan.FromHours(1) }, CancellationToken.None);

        Assert.Equal([60L, 30, 0, 30], result.Buckets.Select(b => b.Count));
        Assert.Equal([start, start.AddHours(1), start.AddHours(2), start.AddHours(3)], result.Buckets.Select(b => b.Start));
        Assert.Equal(120, result.Total);
    }

    [Fact]
    public async Task HistogramAsync_WithQueryAndNoInterval_ChoosesTheIntervalAndCountsMatchesOnly()
    {
        await WriteAsync(
        [
            Events.Access("a", Events.Day0.AddMinutes(5), status: 404),
            Events.Access("b", Events.Day0.AddMinutes(6), status: 200),
            Events.Access("c", Events.Day0.AddMinutes(65), status: 404),
        ]);

        var result = await Search.HistogramAsync(
            new HistogramRequest { Query = "status:404", From = Events.Day0, To = Events.Day0.AddHours(2) }, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(1), result.Interval);
        Assert.Equal(120, result.Buckets.Count);
        Assert.Equal(2, result.Total);
        Assert.Equal(1, result.Buckets[65].Count);
    }

    [Fact]
    public async Task TopValuesAsync_IpOverTwoDays_CountsEveryMatchingEvent()
    {
        var events = Enumerable.Range(0, 300).Select(i => Events.Access(
            $"t{i}", Events.Day0.AddHours(20).AddMinutes(i), ip: i % 3 == 0 ? "198.51.100.1" : i % 3 == 1 ? "198.51.100.2" : $"203.0.113.{i % 50}",
            path: i % 2 == 0 ? "/wp-login.php" : "/")).ToList();
        await WriteAsync(events);

        var result = await Search.TopValuesAsync(
            new TopValuesRequest { Query = "path:/wp-login.php", Field = "ip", Size = 2, From = Events.Day0, To = Events.Day0.AddDays(2) },
            CancellationToken.None);

        var expected = events.Where(e => e.UrlPath == "/wp-login.php").GroupBy(e => e.SourceIp!).ToList();
        Assert.Equal("source.ip", result.Field);
        Assert.Equal([new TopValue("198.51.100.1", 50), new TopValue("198.51.100.2", 50)], result.Values);
        Assert.Equal(expected.Count, result.DistinctCount);
        Assert.Equal(150 - 100, result.OtherCount);
    }

    [Fact]
    public async Task DistinctCountAsync_Status_CountsDifferentValues()
    {
        await WriteAsync(Enumerable.Range(0, 40).Select(i => Events.Access($"d{i}", Events.Day0.AddMinutes(i), status: 200 + (i % 4))).ToList());

        var result = await Search.DistinctCountAsync(
            new DistinctCountRequest { Field = "status", Query = "NOT status:203", From = Events.Day0, To = Events.Day0.AddDays(1) }, CancellationToken.None);

        Assert.Equal(("http.response.status_code", 3L), (result.Field, result.Count));
    }

    [Fact]
    public async Task SurroundingAsync_EventNearMidnight_ReturnsNeighboursFromTheSameHostAndFileAcrossDays()
    {
        var start = Events.Day0.AddHours(23).AddMinutes(57);
        var same = Enumerable.Range(0, 6).Select(i => Events.Access($"s{i}", start.AddMinutes(i))).ToList();
        var otherHost = Events.Access("h", start.AddMinutes(2).AddSeconds(1), host: "web9");
        var otherFile = Events.Access("f", start.AddMinutes(3).AddSeconds(1), file: "/var/log/apache2/other.log");
        await WriteAsync([.. same, otherHost, otherFile]);

        var result = await Search.SurroundingAsync(new SurroundingRequest { Id = "s3", Before = 2, After = 5 }, CancellationToken.None);

        Assert.Equal("s3", result.Anchor?.Id);
        Assert.Equal(["s1", "s2"], result.Before.Select(h => h.Id));
        Assert.Equal(["s4", "s5"], result.After.Select(h => h.Id));
    }

    [Fact]
    public async Task SurroundingAsync_UnknownId_ReturnsNoAnchor()
    {
        await WriteAsync(Events.Minutes(Events.Day0, 3));

        var result = await Search.SurroundingAsync(new SurroundingRequest { Id = "nope" }, CancellationToken.None);

        Assert.Null(result.Anchor);
        Assert.Empty(result.Before);
    }
}
