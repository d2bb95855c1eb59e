using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

public sealed class SqliteLogStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(10));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_EventsOfThreeDays_CreatesOneWalDatabasePerUtcDay()
    {
        using var store = Open();

        await store.WriteAsync(
            [Events.Access("a", Events.Day0.AddHours(1)), Events.Access("b", Events.Day0.AddDays(1)), Events.Access("c", Events.Day0.AddDays(2).AddTicks(-1))],
            CancellationToken.None);

        var files = Directory.GetFiles(_directory.Path, "*.db").Select(Path.GetFileName).Order();
        Assert.Equal(["events-2026-11-20.db", "events-2026-11-20.fts.db", "events-2026-11-21.db", "events-2026-11-21.fts.db"], files);
        Assert.Equal("wal", Scalar(Path.Combine(_directory.Path, "events-2026-11-21.db"), "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task WriteAsync_ResendOfAnOldEventAfterNewerDays_ReportsDuplicate()
    {
        using var store = Open();
        var old = Events.Access("old", Events.Day0.AddHours(5));
        await store.WriteAsync([old], CancellationToken.None);
        await store.WriteAsync(Events.Minutes(Events.Day0.AddDays(2), 3).Concat(Events.Minutes(Events.Day0.AddDays(5), 3, "f")).ToList(), CancellationToken.None);

        var again = await store.WriteAsync([Events.Access("new", Events.Day0.AddDays(6)), old], CancellationToken.None);

        Assert.Equal([WriteStatus.Stored, WriteStatus.Duplicate], again.Outcomes.Select(o => o.Status));
        Assert.Equal(1L, Scalar(Path.Combine(_directory.Path, "events-2026-11-20.db"), "SELECT count(*) FROM events WHERE id = 'old'"));
    }

    [Fact]
    public async Task WriteAsync_DuplicateAfterReopen_ReportsDuplicate()
    {
        var e = Events.Access("x", Events.Day0.AddHours(3));
        using (var first = Open())
        {
            await first.WriteAsync([e], CancellationToken.None);
        }

        using var second = Open();
        var result = await second.WriteAsync([e], CancellationToken.None);

        Assert.Equal(WriteStatus.Duplicate, Assert.Single(result.Outcomes).Status);
    }

    [Fact]
    public async Task WriteAsync_InvalidDocumentJson_FailsThatRecordOnlyWithReason()
    {
        using var store = Open();
        var bad = Events.Access("bad", Events.Day0.AddHours(1)) with { DocumentJson = "{\"message\": oops" };

        var result = await store.WriteAsync([Events.Access("ok1", Events.Day0), bad, Events.Access("ok2", Events.Day0)], CancellationToken.None);

        Assert.Equal([WriteStatus.Stored, WriteStatus.Failed, WriteStatus.Stored], result.Outcomes.Select(o => o.Status));
        Assert.Contains("not valid JSON", result.Outcomes[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_EventOlderThanRetention_FailsWithReasonAndCreatesNoFile()
    {
        using var store = Open(retentionDays: 5);

        var result = await store.WriteAsync([Events.Access("ancient", _clock.Now.AddDays(-6))], CancellationToken.None);

        Assert.Equal(WriteStatus.Failed, result.Outcomes[0].Status);
        Assert.Contains("retention", result.Outcomes[0].Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.db"));
    }

    [Fact]
    public async Task SearchAsync_ReadOnlyStoreOpenedBeforeTheDayExisted_SeesTheNewDay()
    {
        using var writer = Open();
        await using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, ReadOnly = true }, _clock);
        Assert.Equal(0, (await reader.SearchAsync(AllOf(Events.Day0, 30), CancellationToken.None)).Total);

        await writer.WriteAsync([Events.Access("later", Events.Day0.AddDays(4))], CancellationToken.None);

        Assert.Equal("later", Assert.Single((await reader.SearchAsync(AllOf(Events.Day0, 30), CancellationToken.None)).Hits).Id);
    }

    [Fact]
    public async Task WriteAsync_ReadOnlyStore_ThrowsNamingTheOption()
    {
        await using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, ReadOnly = true }, _clock);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => reader.WriteAsync([Events.Access("a", Events.Day0)], CancellationToken.None));

        Assert.Contains("ReadOnly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_CursorFromElsewhere_ThrowsQuerySyntaxException()
    {
        using var store = Open();

        await Assert.ThrowsAsync<QuerySyntaxException>(() => store.SearchAsync(AllOf(Events.Day0, 1) with { Cursor = "[1,2]" }, CancellationToken.None));
    }

    [Fact]
    public async Task SearchAsync_TextMatchingThousandsOfEventsInADay_PagesNewestFirstFromTheTimeIndex()
    {
        using var store = Open();
        var events = Enumerable.Range(0, 4_000).Select(i => Events.Access($"m{i:D4}", Events.Day0.AddSeconds(i * 7 % 4_000))).ToList();
        await store.WriteAsync(events, CancellationToken.None);
        var expected = events.OrderByDescending(e => e.Timestamp).Select(e => e.Id).Take(120).ToList();

        var seen = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 3; page++)
        {
            var result = await store.SearchAsync(AllOf(Events.Day0, 1) with { Query = "testbrowser", Size = 40, Cursor = cursor }, CancellationToken.None);
            seen.AddRange(result.Hits.Select(h => h.Id));
            cursor = result.NextCursor;
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => new SqliteLogStore(new SqliteStoreOptions { RetentionDays = 0, MaxTotalBytes = -1 }, _clock));

        Assert.Contains("DataDirectory", e.Message, StringComparison.Ordinal);
        Assert.Contains("RetentionDays", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTotalBytes", e.Message, StringComparison.Ordinal);
    }

    private SqliteLogStore Open(int retentionDays = 30) =>
        new(new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = retentionDays }, _clock);

    private static SearchRequest AllOf(DateTimeOffset from, int days) => new() { From = from, To = from.AddDays(days) };

    private static object? Scalar(string path, string sql) => DayDatabase.Scalar(path, sql);
}
