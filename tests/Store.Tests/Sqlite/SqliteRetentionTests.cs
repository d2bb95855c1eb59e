using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

public sealed class SqliteRetentionTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddHours(12));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ApplyRetention_ClockPastTheWindow_DeletesWholeOldDaysOnly()
    {
        using var store = Open(retentionDays: 3);
        await WriteDaysAsync(store, 0, 1, 2, 3);
        _clock.Advance(TimeSpan.FromDays(5));

        var deleted = store.ApplyRetention();

        Assert.Equal([DateOnly.FromDateTime(Events.Day0.UtcDateTime), DateOnly.FromDateTime(Events.Day0.AddDays(1).UtcDateTime)], deleted);
        Assert.Equal(["events-2026-11-22.db", "events-2026-11-23.db"], DayFileNames());
    }

    [Fact]
    public async Task WriteAsync_FirstEventOfANewDay_DeletesDaysOutsideTheWindow()
    {
        using var store = Open(retentionDays: 2);
        await WriteDaysAsync(store, 0, 1);
        _clock.Advance(TimeSpan.FromDays(3));

        await WriteDaysAsync(store, 3);

        Assert.Equal(["events-2026-11-21.db", "events-2026-11-23.db"], DayFileNames());
    }

    [Fact]
    public async Task ApplyRetention_OverMaxTotalBytes_DeletesOldestDaysButNeverTheNewest()
    {
        using var store = Open(retentionDays: 30);
        await WriteDaysAsync(store, 0, 1, 2);
        var sizes = DayFileNames().Select(n => new FileInfo(Path.Combine(_directory.Path, n)).Length + WalSize(n)).ToList();
        using var capped = new SqliteLogStore(
            new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = 30, MaxTotalBytes = sizes[2] + 1 }, _clock);

        Assert.Equal(["events-2026-11-22.db"], DayFileNames());
        Assert.Empty(capped.ApplyRetention());
    }

    [Fact]
    public async Task ApplyRetention_SetAsideTextIndexTakesTheSpace_CountsItAndDeletesItWithItsDay()
    {
        using (var store = Open(retentionDays: 30))
        {
            await WriteDaysAsync(store, 0, 1);
        }

        var everyFile = Directory.GetFiles(_directory.Path).Sum(f => new FileInfo(f).Length);
        var oldest = Path.Combine(_directory.Path, DayFileNames()[0]);
        var setAside = TextIndexFile.SetAsidePathOf(oldest);
        await File.WriteAllBytesAsync(setAside, new byte[1 << 20]);

        using var capped = new SqliteLogStore(
            new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = 30, MaxTotalBytes = everyFile + 1 }, _clock);

        Assert.Equal(["events-2026-11-21.db"], DayFileNames());
        Assert.False(File.Exists(setAside));
    }

    [Fact]
    public async Task SearchAsync_ReaderThatHadADayOpenBeforeRetentionDeletedIt_SkipsTheDay()
    {
        using var writer = Open(retentionDays: 2);
        await WriteDaysAsync(writer, 0, 1);
        await using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, ReadOnly = true }, _clock);
        var all = new SearchRequest { From = Events.Day0.AddDays(-1), To = Events.Day0.AddDays(5) };
        Assert.Equal(20, (await reader.SearchAsync(all, CancellationToken.None)).Total);
        _clock.Advance(TimeSpan.FromDays(3));

        writer.ApplyRetention();

        Assert.Equal(10, (await reader.SearchAsync(all, CancellationToken.None)).Total);
    }

    private SqliteLogStore Open(int retentionDays) =>
        new(new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = retentionDays }, _clock);

    private static async Task WriteDaysAsync(SqliteLogStore store, params int[] days)
    {
        foreach (var day in days)
        {
            var result = await store.WriteAsync(Events.Minutes(Events.Day0.AddDays(day), 10, $"d{day}-"), CancellationToken.None);
            Assert.Equal(10, result.Stored);
        }
    }

    private List<string> DayFileNames() =>
        DayDatabase.DayFiles(_directory.Path).Select(p => Path.GetFileName(p)).ToList();

    private long WalSize(string name)
    {
        var wal = new FileInfo(Path.Combine(_directory.Path, name + "-wal"));
        return wal.Exists ? wal.Length : 0;
    }
}
