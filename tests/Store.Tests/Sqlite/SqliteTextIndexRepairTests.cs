using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>
/// Schema 3: a text index file that does not fit its day file (ahead of the rows after a power loss, left by a deleted
/// day, damaged, foreign) is not trusted but rebuilt from the day file, and the store says so.
/// </summary>
public sealed class SqliteTextIndexRepairTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(10));
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly List<string> _warnings = [];

    private string DayPath => Path.Combine(_directory.Path, "events-2026-11-20.db");

    private string TextPath => Path.Combine(_directory.Path, "events-2026-11-20.fts.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_IndexAheadOfTheRowsAfterAPowerLoss_RebuildsItSoReusedRowidsMatchOnlyTheirOwnText()
    {
        await SeedAsync(4);

        // What synchronous=NORMAL on both files can leave after a power loss: the index kept commits for rows 5 and 6
        // that the day file lost, so rowids 5 and 6 are free for other events but still carry the lost events' words.
        DayDatabase.Execute(TextPath, "INSERT INTO fts(rowid, message) VALUES(5, 'ghost'), (6, 'ghost'); UPDATE watermark SET rowid = 6;");

        using var store = Open();
        await store.WriteAsync(Events.Minutes(Events.Day0.AddHours(1), 2, "n"), CancellationToken.None);

        Assert.Equal(0, (await SearchAsync(store, "ghost")).Total);
        Assert.Equal(6, (await SearchAsync(store, "page")).Total);
        Assert.Equal(6L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
        Assert.Contains(_warnings, w => w.Contains(TextPath, StringComparison.Ordinal) && w.Contains("rowid 6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_RowAtTheWatermarkIsAnotherEvent_RebuildsTheIndexSoLostWordsMatchNothing()
    {
        await SeedAsync(4);

        // A power loss took rows 3 and 4 of the day file but not the index's commit, and other events were written at
        // rowids 3 and 4 before the index was opened: the numbers agree again, the events do not. The lost row 4's
        // words ("ghost") are still in the index under rowid 4.
        DayDatabase.Execute(TextPath, "INSERT INTO fts(rowid, message) VALUES(4, 'ghost');");
        DayDatabase.Execute(DayPath, "UPDATE events SET key = key + 1 WHERE rowid = 4;");

        using var store = Open();

        Assert.Equal(0, (await SearchAsync(store, "ghost")).Total);
        Assert.Equal(4, (await SearchAsync(store, "page")).Total);
        Assert.Contains(_warnings, w => w.Contains(TextPath, StringComparison.Ordinal) && w.Contains("another event", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IndexUpTo_BeyondTheDaysLastRow_StopsAtTheLastRowSoLaterRowsAreIndexed()
    {
        // A job queued for a day that retention then deleted carries the old day's rowid; a late event recreated the
        // day with rowids from 1. The job must not move the new index's watermark past rows it did not index.
        await SeedAsync(2);
        DaySchema.DeleteWithSidecars(TextPath);
        using (var writer = new TextIndexWriter(DayPath, null))
        {
            writer.IndexUpTo(10);

            Assert.Equal(2L, writer.Watermark);
        }

        using var store = Open();
        await store.WriteAsync(Events.Minutes(Events.Day0.AddHours(1), 3, "n"), CancellationToken.None);

        Assert.Equal(5, (await SearchAsync(store, "page")).Total);
        Assert.Equal(5L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
    }

    [Fact]
    public async Task Open_IndexIsNotADatabase_MovesItAsideAndRebuildsIt()
    {
        await SeedAsync(3);
        DaySchema.DeleteWithSidecars(TextPath);
        File.WriteAllText(TextPath, "this is not a database");

        using var store = Open();

        Assert.Equal(3, (await SearchAsync(store, "page")).Total);
        Assert.Equal("this is not a database", File.ReadAllText(TextPath + ".damaged"));
        Assert.Contains(_warnings, w => w.Contains(TextPath + ".damaged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_IndexDamagedWhileTheStoreRuns_MovesItAsideAndStoresTheBatchSearchable()
    {
        using var store = Open();
        await store.WriteAsync(Events.Minutes(Events.Day0, 2), CancellationToken.None);
        store.Dispose();
        using var reopened = Open();
        DaySchema.DeleteWithSidecars(TextPath);
        File.WriteAllText(TextPath, "garbage where the text index was");

        var result = await reopened.WriteAsync(Events.Minutes(Events.Day0.AddHours(1), 3, "n"), CancellationToken.None);

        Assert.Equal(3, result.Stored);
        Assert.Equal(5, (await SearchAsync(reopened, "page")).Total);
        Assert.True(File.Exists(TextPath + ".damaged"));
    }

    [Fact]
    public async Task WriteAsync_IndexDamagedInsideFts5_SetsItAsideAndTheNextBatchRebuildsIt()
    {
        await SeedAsync(2);

        // Damage that opening the index cannot see (its header, tables, version and watermark are fine): FTS5's
        // structure record zeroed. Every insert into the index then fails, whatever SQLite calls the error.
        DayDatabase.Execute(TextPath, "UPDATE fts_data SET block = zeroblob(length(block)) WHERE id = 10;");
        using var store = Open();

        var events = Events.Minutes(Events.Day0.AddHours(1), 3, "n");

        // The first batch's rows commit but its text cannot be indexed: the caller is told, and re-sends.
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => store.WriteAsync(events, CancellationToken.None).WaitAsync(Deadline));
        var resent = await store.WriteAsync(events, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(3, resent.Duplicates);
        Assert.Equal(5, (await SearchAsync(store, "page")).Total);
        Assert.True(File.Exists(TextPath + ".damaged"));
        Assert.Contains(_warnings, w => w.Contains(".damaged", StringComparison.Ordinal) && w.Contains(TextPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_DayFileDamagedButIndexSound_KeepsTheIndex()
    {
        await SeedAsync(2);

        // The day file's schema page garbled, its header (and schema version) intact: attaching it fails. That is the
        // day file's problem; the sound index must not be set aside (nor, on the next start, replaced by an empty one).
        using (var day = new FileStream(DayPath, FileMode.Open, FileAccess.Write))
        {
            day.Position = 100;
            day.Write(Enumerable.Repeat((byte)0x55, 400).ToArray());
        }

        using (Open())
        {
            Assert.True(File.Exists(TextPath));
            Assert.False(File.Exists(TextPath + ".damaged"));
        }

        using (Open())
        {
            Assert.False(File.Exists(TextPath + ".damaged"));
        }
    }

    [Fact]
    public async Task Open_IndexOfAnotherSchemaVersion_MovesItAsideAndRebuildsIt()
    {
        await SeedAsync(3);
        DayDatabase.Execute(TextPath, "PRAGMA user_version=9;");

        using var store = Open();

        Assert.Equal(3L, DayDatabase.Scalar(TextPath, "PRAGMA user_version"));
        Assert.Equal(3, (await SearchAsync(store, "page")).Total);
        Assert.Equal(9L, DayDatabase.Scalar(TextPath + ".damaged", "PRAGMA user_version"));
    }

    [Fact]
    public async Task ApplyRetention_DayWithADamagedIndexSetAside_DeletesTheSetAsideFileToo()
    {
        await SeedAsync(1);
        File.WriteAllText(TextPath + ".damaged", "left by a repair");
        using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, SplitTextIndex = true, RetentionDays = 30 }, _clock);
        Assert.True(File.Exists(TextPath + ".damaged"));
        _clock.Advance(TimeSpan.FromDays(30));

        store.ApplyRetention();

        Assert.Empty(Directory.GetFiles(_directory.Path, "events-*"));
    }

    [Fact]
    public async Task WriteAsync_TextWriterFailsOnAGroup_FailsThatGroupOnlyAndTheResendIsFoundByText()
    {
        using var store = Open();
        var failures = 1;
        store.BeforeTextJob = () =>
        {
            if (Interlocked.Decrement(ref failures) == 0)
            {
                throw new InvalidOperationException("injected: a bug in the text writer");
            }
        };
        var events = Events.Minutes(Events.Day0, 3);

        // A deadline, not a wait: before the fix the text writer's thread died and this never completed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync(events, CancellationToken.None).WaitAsync(Deadline));
        var resent = await store.WriteAsync(events, CancellationToken.None).WaitAsync(Deadline);
        var next = await store.WriteAsync(Events.Minutes(Events.Day0.AddHours(1), 2, "n"), CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(3, resent.Duplicates);
        Assert.Equal(2, next.Stored);
        Assert.Equal(5, (await SearchAsync(store, "page")).Total);
        Assert.Contains(_warnings, w => w.Contains("injected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_ResentAfterMidnightWhenThePreviousDaysIndexFailed_IndexesThePreviousDay()
    {
        using var store = Open();
        var failures = 1;
        store.BeforeTextJob = () =>
        {
            if (Interlocked.Decrement(ref failures) == 0)
            {
                throw new InvalidOperationException("injected: the text index commit failed");
            }
        };
        var late = Events.Access("late", Events.Day0.AddDays(1).AddMinutes(-1), path: "/page/late") with { TimestampFromIngestClock = true };
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync([late], CancellationToken.None).WaitAsync(Deadline));

        // The re-send is stamped after midnight by the ingest clock: a duplicate of the previous day's row.
        var resent = await store.WriteAsync([late with { Timestamp = Events.Day0.AddDays(1).AddMinutes(1) }], CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(1, resent.Duplicates);
        Assert.Equal(1, (await SearchAsync(store, "page")).Total);
        Assert.Equal(1L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
    }

    private async Task SeedAsync(int count)
    {
        using var seed = Open();
        await seed.WriteAsync(Events.Minutes(Events.Day0, count), CancellationToken.None);
    }

    private SqliteLogStore Open() =>
        new(new SqliteStoreOptions { DataDirectory = _directory.Path, SplitTextIndex = true, Warn = _warnings.Add }, _clock);

    private static Task<SearchResult> SearchAsync(SqliteLogStore store, string query) =>
        store.SearchAsync(new SearchRequest { From = Events.Day0, To = Events.Day0.AddDays(1), Query = query }, CancellationToken.None);
}
