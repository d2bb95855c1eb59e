using System.Diagnostics;
using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>
/// The single writer takes every batch waiting at one moment into one transaction per day file. These tests hold the
/// day file's write lock from another connection so that batches pile up behind the writer, then release it.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(10));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_BatchesWaitingTogether_AreWrittenInOneGroupAndEachCallerGetsItsOwnOutcomes()
    {
        await using var store = Open();
        await store.WriteAsync([Events.Access("first", Events.Day0)], CancellationToken.None);
        var before = store.GroupsStarted;

        Task<WriteResult>[] writes;
        using (await HoldWriteLockAsync(Events.Day0))
        {
            var blocked = store.WriteAsync([Events.Access("w0", Events.Day0)], CancellationToken.None);
            await WaitUntilAsync(() => store.GroupsStarted > before);
            writes =
            [
                blocked,
                store.WriteAsync([Events.Access("a1", Events.Day0), Events.Access("shared", Events.Day0), Events.Access("first", Events.Day0)], CancellationToken.None),
                store.WriteAsync([Events.Access("b1", Events.Day0.AddDays(1)), Events.Access("shared", Events.Day0)], CancellationToken.None),
                store.WriteAsync([Events.Access("c1", Events.Day0), Events.Access("c1", Events.Day0), new LogRecord { Id = string.Empty, Timestamp = Events.Day0, DocumentJson = "{}" }], CancellationToken.None),
            ];
            Assert.All(writes, w => Assert.False(w.IsCompleted, "no batch may be acknowledged before its transaction commits"));
        }

        var results = await Task.WhenAll(writes);

        Assert.Equal(before + 2, store.GroupsStarted);
        Assert.Equal([WriteStatus.Stored], results[0].Outcomes.Select(o => o.Status));
        Assert.Equal([WriteStatus.Stored, WriteStatus.Stored, WriteStatus.Duplicate], results[1].Outcomes.Select(o => o.Status));
        Assert.Equal([WriteStatus.Stored, WriteStatus.Duplicate], results[2].Outcomes.Select(o => o.Status));
        Assert.Equal([WriteStatus.Stored, WriteStatus.Duplicate, WriteStatus.Failed], results[3].Outcomes.Select(o => o.Status));
        var all = await store.SearchAsync(new SearchRequest { From = Events.Day0, To = Events.Day0.AddDays(2), Size = 100 }, CancellationToken.None);
        Assert.Equal(["a1", "b1", "c1", "first", "shared", "w0"], all.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileWaitingForTheWriter_IsCancelledAndNotWritten()
    {
        await using var store = Open();
        await store.WriteAsync([Events.Access("first", Events.Day0)], CancellationToken.None);
        var before = store.GroupsStarted;
        using var cancel = new CancellationTokenSource();

        Task<WriteResult> blocked, cancelled;
        using (await HoldWriteLockAsync(Events.Day0))
        {
            blocked = store.WriteAsync([Events.Access("w0", Events.Day0)], CancellationToken.None);
            await WaitUntilAsync(() => store.GroupsStarted > before);
            cancelled = store.WriteAsync([Events.Access("gone", Events.Day0)], cancel.Token);
            await cancel.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(WriteStatus.Stored, Assert.Single((await blocked).Outcomes).Status);
        var again = await store.WriteAsync([Events.Access("gone", Events.Day0)], CancellationToken.None);
        Assert.Equal(WriteStatus.Stored, Assert.Single(again.Outcomes).Status);
    }

    [Fact]
    public async Task WriteAsync_OneDayFileFailsInAGroup_FailsOnlyTheCallersWithEventsOfThatDay()
    {
        var broken = Events.Day0.AddDays(3);
        DayDatabase.Execute(Path.Combine(_directory.Path, "events-2026-11-23.db"), "PRAGMA user_version = 99");
        await using var store = Open();
        await store.WriteAsync([Events.Access("first", Events.Day0)], CancellationToken.None);
        var before = store.GroupsStarted;

        Task<WriteResult> blocked, good, bad;
        using (await HoldWriteLockAsync(Events.Day0))
        {
            blocked = store.WriteAsync([Events.Access("w0", Events.Day0)], CancellationToken.None);
            await WaitUntilAsync(() => store.GroupsStarted > before);
            good = store.WriteAsync([Events.Access("g1", Events.Day0.AddDays(1))], CancellationToken.None);
            bad = store.WriteAsync([Events.Access("b1", Events.Day0.AddDays(1)), Events.Access("b2", broken)], CancellationToken.None);
        }

        await blocked;
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => bad);
        Assert.Contains("events-2026-11-23.db", e.Message, StringComparison.Ordinal);
        Assert.Equal(WriteStatus.Stored, Assert.Single((await good).Outcomes).Status);
        Assert.Equal(before + 2, store.GroupsStarted);
    }

    [Fact]
    public async Task DisposeAsync_BatchesStillWaiting_WritesAndAcknowledgesThemFirst()
    {
        var store = Open();
        await store.WriteAsync([Events.Access("first", Events.Day0)], CancellationToken.None);
        var before = store.GroupsStarted;

        Task<WriteResult> blocked, waiting;
        Task disposing;
        using (await HoldWriteLockAsync(Events.Day0))
        {
            blocked = store.WriteAsync([Events.Access("w0", Events.Day0)], CancellationToken.None);
            await WaitUntilAsync(() => store.GroupsStarted > before);
            waiting = store.WriteAsync([Events.Access("w1", Events.Day0)], CancellationToken.None);
            disposing = store.DisposeAsync().AsTask();
            Assert.False(disposing.IsCompleted, "dispose must wait for the batches already handed over");
        }

        await disposing;
        Assert.Equal(WriteStatus.Stored, Assert.Single((await blocked).Outcomes).Status);
        Assert.Equal(WriteStatus.Stored, Assert.Single((await waiting).Outcomes).Status);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync([Events.Access("late", Events.Day0)], CancellationToken.None));
        Assert.Equal(3L, DayDatabase.Scalar(Path.Combine(_directory.Path, "events-2026-11-20.db"), "SELECT count(*) FROM events"));
    }

    // Schema 2: its writer takes every waiting batch into one group (schema 3's takes half, to overlap the text writer).
    private SqliteLogStore Open() => new(new SqliteStoreOptions { DataDirectory = _directory.Path, SplitTextIndex = false }, _clock);

    /// <summary>Takes the write lock of a day file from another connection; disposing commits and releases it.</summary>
    private async Task<IDisposable> HoldWriteLockAsync(DateTimeOffset day)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, $"events-{day:yyyy-MM-dd}.db")};Pooling=False");
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        return new Release(() =>
        {
            transaction.Commit();
            connection.Dispose();
        });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the writer did not take the batch within 10 s");
            await Task.Yield();
        }
    }

    private sealed class Release(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
