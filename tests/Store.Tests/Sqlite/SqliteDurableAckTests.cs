using System.Collections.Concurrent;
using System.Diagnostics;
using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>
/// <see cref="SqliteStoreOptions.WaitForTextIndex"/>: false acknowledges a batch once its rows have committed (found by
/// field filters at once, by free text once the text writer has indexed it), and the store itself makes good a text
/// index that failed; true (the default) acknowledges only once the text index has committed too.
/// </summary>
public sealed class SqliteDurableAckTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(10));
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly SemaphoreSlim _textJobEntered = new(0);
    private readonly ManualResetEventSlim _releaseTextJob = new(false);

    private string TextPath => Path.Combine(_directory.Path, "events-2026-11-20.fts.db");

    public void Dispose()
    {
        _releaseTextJob.Set();
        _directory.Dispose();
        _textJobEntered.Dispose();
        _releaseTextJob.Dispose();
    }

    [Fact]
    public async Task WriteAsync_NotWaitingWhileTheTextJobIsHeld_IsAcknowledgedAndFoundByFieldsAtOnceAndByTextAfterRelease()
    {
        await using var store = Open(waitForTextIndex: false);
        store.BeforeTextJob = HoldTextJob;
        var events = Events.Minutes(Events.Day0, 3);

        var first = await store.WriteAsync(events, CancellationToken.None).WaitAsync(Deadline);
        Assert.True(await _textJobEntered.WaitAsync(Deadline), "the group never reached the text writer");
        var byField = await SearchAsync(store, "host.name:web1");
        var byTextWhileHeld = await SearchAsync(store, "page");
        var resent = await store.WriteAsync(events, CancellationToken.None).WaitAsync(Deadline);
        _releaseTextJob.Set();

        Assert.Equal(3, first.Stored);
        Assert.Equal(3, byField.Total);
        Assert.Equal(0, byTextWhileHeld.Total);
        Assert.Equal(3, resent.Duplicates);
        await UntilFoundByTextAsync(store, "page", 3);
    }

    [Fact]
    public async Task WriteAsync_WaitingWhileTheTextJobIsHeld_IsAcknowledgedOnlyAfterReleaseAndThenFoundByText()
    {
        await using var store = Open(waitForTextIndex: true);
        store.BeforeTextJob = HoldTextJob;

        var write = store.WriteAsync(Events.Minutes(Events.Day0, 3), CancellationToken.None);
        Assert.True(await _textJobEntered.WaitAsync(Deadline), "the group never reached the text writer");
        var acknowledgedWhileHeld = write.IsCompleted;
        _releaseTextJob.Set();
        var result = await write.WaitAsync(Deadline);

        Assert.False(acknowledgedWhileHeld, "waiting for the text index, no batch is acknowledged before its text has committed");
        Assert.Equal(3, result.Stored);
        Assert.Equal(3, (await SearchAsync(store, "page")).Total);
    }

    [Fact]
    public async Task WriteAsync_NotWaitingAndTheTextIndexCannotBeWritten_WarnsWithTheFileAndTheNextGroupOfAnotherDayIndexesIt()
    {
        using (var seed = Open(waitForTextIndex: false))
        {
            await seed.WriteAsync([Events.Access("seed", Events.Day0)], CancellationToken.None);
        }

        // A directory where the index file should be: the index can be neither opened nor rebuilt.
        DaySchema.DeleteWithSidecars(TextPath);
        Directory.CreateDirectory(TextPath);
        await using var store = Open(waitForTextIndex: false);

        var written = await store.WriteAsync(Events.Minutes(Events.Day0.AddHours(1), 3), CancellationToken.None).WaitAsync(Deadline);
        await UntilAsync(() => _warnings.Any(w => w.Contains(TextPath, StringComparison.Ordinal) && w.Contains("next batch", StringComparison.Ordinal)));
        Directory.Delete(TextPath);
        var nextDay = await store.WriteAsync([Events.Access("next", Events.Day0.AddDays(1))], CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(3, written.Stored);
        Assert.Equal(1, nextDay.Stored);
        await UntilFoundByTextAsync(store, "page", 3);
        Assert.Equal(4L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
        Assert.Contains(_warnings, w => w.Contains(TextPath, StringComparison.Ordinal) && w.Contains("caught up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_NotWaitingAndTheTextWriterFailsOnAGroup_WarnsAndTheNextGroupMakesThatDaySearchable()
    {
        await using var store = Open(waitForTextIndex: false);
        var failures = 1;
        store.BeforeTextJob = () =>
        {
            if (Interlocked.Decrement(ref failures) == 0)
            {
                throw new InvalidOperationException("injected: a bug in the text writer");
            }
        };

        var failed = await store.WriteAsync(Events.Minutes(Events.Day0, 3), CancellationToken.None).WaitAsync(Deadline);
        await UntilAsync(() => _warnings.Any(w => w.Contains("injected", StringComparison.Ordinal)));
        var unindexed = await SearchAsync(store, "page");
        await store.WriteAsync([Events.Access("next", Events.Day0.AddDays(1))], CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(3, failed.Stored);
        Assert.Equal(0, unindexed.Total);
        await UntilFoundByTextAsync(store, "page", 3);
    }

    [Fact]
    public async Task WriteAsync_NotWaitingAndTheTextThreadDies_WritesGoOnAndTheNextStartIndexesTheirText()
    {
        var store = Open(waitForTextIndex: false);
        var reports = 0;
        store.BeforeTextJob = () => throw new InvalidOperationException("injected: a bug in the text writer");
        // A bug while reporting the group's failure is one that the text writer's thread cannot survive.
        _onWarn = w =>
        {
            if (w.Contains("injected", StringComparison.Ordinal) && Interlocked.Increment(ref reports) == 1)
            {
                throw new OutOfMemoryException("injected: the text writer's thread dies");
            }
        };

        var first = await store.WriteAsync(Events.Minutes(Events.Day0, 3), CancellationToken.None).WaitAsync(Deadline);
        await UntilAsync(() => _warnings.Any(w => w.Contains("stopped", StringComparison.Ordinal)));
        var later = await store.WriteAsync(Events.Minutes(Events.Day0.AddHours(1), 2, "n"), CancellationToken.None).WaitAsync(Deadline);
        var byField = await SearchAsync(store, "host.name:web1");
        var disposing = await Record.ExceptionAsync(() => store.DisposeAsync().AsTask().WaitAsync(Deadline));

        Assert.Equal(3, first.Stored);
        Assert.Equal(2, later.Stored);
        Assert.Equal(5, byField.Total);
        Assert.IsType<OutOfMemoryException>(disposing);
        await using var restarted = Open(waitForTextIndex: false);
        Assert.Equal(5, (await SearchAsync(restarted, "page")).Total);
    }

    private Action<string>? _onWarn;

    private SqliteLogStore Open(bool waitForTextIndex) => new(
        new SqliteStoreOptions
        {
            DataDirectory = _directory.Path,
            SplitTextIndex = true,
            WaitForTextIndex = waitForTextIndex,
            Warn = w =>
            {
                _warnings.Enqueue(w);
                _onWarn?.Invoke(w);
            },
        },
        _clock);

    /// <summary>Runs on the text writer's thread: says it has a group, then holds it until the test releases it.</summary>
    private void HoldTextJob()
    {
        _textJobEntered.Release();
        Assert.True(_releaseTextJob.Wait(Deadline), "the test never released the text writer");
    }

    private static Task<SearchResult> SearchAsync(SqliteLogStore store, string query) =>
        store.SearchAsync(new SearchRequest { From = Events.Day0, To = Events.Day0.AddDays(1), Query = query }, CancellationToken.None);

    private static async Task UntilFoundByTextAsync(SqliteLogStore store, string query, int expected)
    {
        // Polled every 10 ms (not back to back: the text thread needs the core this would spin on).
        var deadline = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        long found;
        while ((found = (await SearchAsync(store, query)).Total) != expected)
        {
            Assert.True(deadline.Elapsed < Deadline, $"free text \"{query}\" found {found} events, not {expected}, within {Deadline}");
            await poll.WaitForNextTickAsync();
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Deadline, $"the condition did not hold within {Deadline}");
            await poll.WaitForNextTickAsync();
        }
    }
}
