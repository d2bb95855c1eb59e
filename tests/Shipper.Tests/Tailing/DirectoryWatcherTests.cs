using LogPipeline.Shipper.Tailing;
using LogPipeline.Shipper.Tests.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Shipper.Tests.Tailing;

/// <summary>
/// The watcher's events arrive in order on one thread, so once the event for a matching file has been seen, every
/// event before it has been handled too: the counts below are exact without waiting for something not to happen.
/// </summary>
public sealed class DirectoryWatcherTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("watcher-").FullName;
    private int _wakes;
    private int _rescans;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Changed_WritesInASubdirectoryOfAFlatGlob_DoNotWake()
    {
        var log = Path.Combine(_dir, "access.log");
        await File.WriteAllTextAsync(log, "first\n");
        var data = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "store.db"), "x");
        using var watcher = Watch(Path.Combine(_dir, "*.log"));

        for (var i = 0; i < 20; i++)
        {
            await File.AppendAllTextAsync(Path.Combine(data, "store.db"), "more");
            await File.AppendAllTextAsync(Path.Combine(_dir, "other.txt"), "more");
        }

        await File.AppendAllTextAsync(log, "second\n");

        await TestReceiver.WaitUntilAsync(() => Volatile.Read(ref _wakes) > 0, Deadline, () => "a wake for access.log");
        Assert.True(watcher.AllWatched);
        Assert.Equal(0, Volatile.Read(ref _rescans)); // other.txt was created (no match): no rescan either.
        Assert.InRange(Volatile.Read(ref _wakes), 1, 2); // The append's write and size change, each a wake or merged.
    }

    [Fact]
    public async Task Renamed_MatchingFileRotatedAway_Rescans()
    {
        var log = Path.Combine(_dir, "access.log");
        await File.WriteAllTextAsync(log, "first\n");
        using var watcher = Watch(log);

        File.Move(log, log + ".1");

        await TestReceiver.WaitUntilAsync(() => Volatile.Read(ref _rescans) > 0, Deadline, () => "a rescan after the rotation");
    }

    [Fact]
    public async Task Created_DirectoryAWildcardGlobReaches_Rescans()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "unrelated"));
        using var watcher = Watch(Path.Combine(_dir, "*", "access.log"));

        await File.WriteAllTextAsync(Path.Combine(_dir, "unrelated", "error.log"), "x\n");
        Directory.CreateDirectory(Path.Combine(_dir, "site2"));

        await TestReceiver.WaitUntilAsync(() => Volatile.Read(ref _rescans) > 0, Deadline, () => "a rescan for site2/");
        Assert.Equal(1, Volatile.Read(ref _rescans)); // unrelated/error.log, created before, did not count.
    }

    private DirectoryWatcher Watch(string pattern) =>
        new([new Glob(pattern)], () => Interlocked.Increment(ref _wakes), () => Interlocked.Increment(ref _rescans), NullLogger.Instance);
}
