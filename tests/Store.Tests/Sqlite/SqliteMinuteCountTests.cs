using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>
/// Histograms and host activity over long ranges, which count whole minutes from the per-minute counts kept per day
/// file and filter: checked against counts computed from the written events, with unaligned range ends, several day
/// files, and events written (late ones too) between two reads of a long-lived read-only store.
/// </summary>
public sealed class SqliteMinuteCountTests : IAsyncLifetime
{
    private static readonly int[] Statuses = [200, 404, 200, 302, 500, 200, 404];
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(3));
    private readonly List<LogRecord> _written = [];
    private SqliteLogStore _writer = null!;
    private SqliteLogStore _reader = null!;

    public Task InitializeAsync()
    {
        _writer = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = 3650 }, _clock);
        _reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, ReadOnly = true }, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _writer.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("", 15)]
    [InlineData("status:404", 30)]
    [InlineData("host:web2 AND NOT status:200", 60)]
    [InlineData("wp-login", 15)]
    public async Task HistogramAsync_RangeOverTwoDaysWithUnalignedEnds_MatchesTheWrittenEvents(string query, int minutes)
    {
        await WriteAsync(Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(40), 3_000, "a"));
        var from = Events.Day0.AddHours(3).AddMinutes(17).AddSeconds(23.5);
        var to = Events.Day0.AddHours(38).AddMinutes(44).AddSeconds(11);

        var result = await HistogramAsync(query, from, to, minutes);

        Assert.Equal(Expected(query, from, to, minutes), result.Buckets);
        Assert.Equal(_written.Count(e => Matches(query, e) && e.Timestamp >= from && e.Timestamp < to), result.Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("status:404")]
    [InlineData("wp-login")]
    public async Task HistogramAsync_EventsWrittenAfterAnEarlierRead_AreCountedIncludingLateOnes(string query)
    {
        var from = Events.Day0.AddMinutes(30);
        var to = Events.Day0.AddHours(47);
        await WriteAsync(Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(20), 1_000, "a"));
        Assert.Equal(Expected(query, from, to, 60), (await HistogramAsync(query, from, to, 60)).Buckets);

        await WriteAsync(Spread(Events.Day0.AddHours(2), TimeSpan.FromHours(44), 1_500, "b"));
        var second = await HistogramAsync(query, from, to, 60);

        Assert.Equal(Expected(query, from, to, 60), second.Buckets);
    }

    [Theory]
    [InlineData("")]
    [InlineData("status:404")]
    public async Task HistogramAsync_RangesGrowingShrinkingAndApartAcrossWrites_EachMatchesTheWrittenEvents(string query)
    {
        await WriteAsync(Spread(Events.Day0, TimeSpan.FromHours(47), 3_000, "a"));
        (double From, double To)[] hours = [(10.3, 18.7), (2.1, 20.05), (30, 36.5), (6.5, 12.25), (0, 48)];
        foreach (var (i, (fromHour, toHour)) in hours.Index())
        {
            var from = Events.Day0.AddHours(fromHour);
            var to = Events.Day0.AddHours(toHour);
            if (i == 2)
            {
                await WriteAsync(Spread(Events.Day0.AddHours(5), TimeSpan.FromHours(30), 700, "b"));
            }

            var result = await HistogramAsync(query, from, to, 30);

            Assert.Equal(Expected(query, from, to, 30), result.Buckets);
        }
    }

    [Fact]
    public async Task HistogramAsync_SecondsBuckets_AreCountedFromTheDayFile()
    {
        await WriteAsync(Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(2), 500, "a"));
        var from = Events.Day0.AddHours(1).AddMinutes(10);
        var to = Events.Day0.AddHours(1).AddMinutes(20);

        var result = await _reader.HistogramAsync(new HistogramRequest { From = from, To = to, Interval = TimeSpan.FromSeconds(30) }, CancellationToken.None);

        Assert.Equal(_written.Count(e => e.Timestamp >= from && e.Timestamp < to), result.Total);
        Assert.Equal(20, result.Buckets.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOT status:200")]
    public async Task HostActivityAsync_LongRangeBeforeAndAfterMoreWrites_MatchesTheWrittenEvents(string query)
    {
        var from = Events.Day0.AddHours(2).AddSeconds(7.25);
        var to = Events.Day0.AddHours(45).AddMinutes(3).AddSeconds(1);
        var recentFrom = to.AddMinutes(-47);
        await WriteAsync(Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(40), 2_000, "a"));
        Assert.Equal(ExpectedHosts(query, from, to, recentFrom), await HostActivityAsync(query, from, to, recentFrom));

        await WriteAsync(Spread(Events.Day0.AddHours(3), TimeSpan.FromHours(44), 1_000, "b"));

        Assert.Equal(ExpectedHosts(query, from, to, recentFrom), await HostActivityAsync(query, from, to, recentFrom));
    }

    [Fact]
    public async Task HostActivityAsync_MoreHostsThanTheCountsKeep_StillMatchesTheWrittenEvents()
    {
        var from = Events.Day0.AddHours(1);
        var to = Events.Day0.AddHours(20);
        var recentFrom = to.AddMinutes(-30);
        var records = Spread(Events.Day0.AddHours(2), TimeSpan.FromHours(16), 3_000, "h")
            .Select((e, i) => e with { Host = $"host{i % (MinuteCounts.MaxHosts + 50):D3}" }).ToList();
        await WriteAsync(records);

        var hosts = await HostActivityAsync("wp-login", from, to, recentFrom);

        var expected = _written.Where(e => e.UrlPath == "/wp-login.php" && e.Timestamp >= from && e.Timestamp < to)
            .GroupBy(e => e.Host!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HostActivity(g.Key, g.Count(), g.Count(e => e.Timestamp >= recentFrom), g.Max(e => e.Timestamp)))
            .ToList();
        Assert.True(expected.Count > MinuteCounts.MaxHosts / 2, $"only {expected.Count} hosts in the expectation");
        Assert.Equal(expected, hosts);
    }

    private async Task<List<HostActivity>> HostActivityAsync(string query, DateTimeOffset from, DateTimeOffset to, DateTimeOffset recentFrom) =>
        [.. await _reader.HostActivityAsync(new HostActivityRequest { Query = query, From = from, To = to, RecentFrom = recentFrom }, CancellationToken.None)];

    private List<HostActivity> ExpectedHosts(string query, DateTimeOffset from, DateTimeOffset to, DateTimeOffset recentFrom) =>
        _written.Where(e => (query.Length == 0 || e.Status != 200) && e.Timestamp >= from && e.Timestamp < to)
            .GroupBy(e => e.Host!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HostActivity(g.Key, g.Count(), g.Count(e => e.Timestamp >= recentFrom), g.Max(e => e.Timestamp)))
            .ToList();

    private Task<HistogramResult> HistogramAsync(string query, DateTimeOffset from, DateTimeOffset to, int minutes) =>
        _reader.HistogramAsync(new HistogramRequest { Query = query, From = from, To = to, Interval = TimeSpan.FromMinutes(minutes) }, CancellationToken.None);

    private async Task WriteAsync(List<LogRecord> records)
    {
        var result = await _writer.WriteAsync(records, CancellationToken.None);
        Assert.All(result.Outcomes, o => Assert.Equal(WriteStatus.Stored, o.Status));
        _written.AddRange(records);
    }

    /// <summary>Events at uneven sub-second times over [start, start + span), not in time order.</summary>
    private static List<LogRecord> Spread(DateTimeOffset start, TimeSpan span, int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => Events.Access(
            $"{prefix}{i:D5}",
            start.AddTicks(span.Ticks / count * ((i * 7919L) % count)).AddMilliseconds(i % 997),
            host: i % 3 == 0 ? "web2" : "web1",
            status: Statuses[i % Statuses.Length],
            path: i % 11 == 0 ? "/wp-login.php" : "/index.php")).ToList();

    private List<HistogramBucket> Expected(string query, DateTimeOffset from, DateTimeOffset to, int minutes)
    {
        var interval = TimeSpan.FromMinutes(minutes);
        var first = HistogramIntervals.BucketStart(from, interval);
        var buckets = new List<HistogramBucket>();
        for (var start = first; start < to; start += interval)
        {
            var end = start + interval;
            buckets.Add(new HistogramBucket(start, _written.Count(e => Matches(query, e) && e.Timestamp >= from && e.Timestamp < to && e.Timestamp >= start && e.Timestamp < end)));
        }

        return buckets;
    }

    private static bool Matches(string query, LogRecord e) => query switch
    {
        "" => true,
        "status:404" => e.Status == 404,
        "host:web2 AND NOT status:200" => e.Host == "web2" && e.Status != 200,
        "wp-login" => e.UrlPath == "/wp-login.php",
        _ => throw new ArgumentException(query, nameof(query)),
    };
}
