using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>
/// Schema 3: the day's full-text index in its own file (<c>events-yyyy-MM-dd.fts.db</c>), written by a second thread,
/// written only up to committed rows, caught up or rebuilt when it is behind or missing, and read through ATTACH.
/// </summary>
public sealed class SqliteTextIndexTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(10));

    private string DayPath => Path.Combine(_directory.Path, "events-2026-11-20.db");

    private string TextPath => Path.Combine(_directory.Path, "events-2026-11-20.fts.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_NewDay_IndexesTheTextInItsOwnFileUpToTheLastRow()
    {
        using var store = Open();

        await store.WriteAsync(Events.Minutes(Events.Day0, 5), CancellationToken.None);

        Assert.Equal(0L, DayDatabase.Scalar(DayPath, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'fts%'"));
        Assert.Equal(5L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
        Assert.Equal(5L, DayDatabase.Scalar(TextPath, "SELECT count(*) FROM fts WHERE fts MATCH 'page'"));
    }

    [Fact]
    public async Task WriteAsync_NewDayWithDefaultOptions_CreatesAVersion4DayWithItsIndexInItsOwnFile()
    {
        using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path }, _clock);

        await store.WriteAsync(Events.Minutes(Events.Day0, 2), CancellationToken.None);

        Assert.Equal(4L, DayDatabase.Scalar(DayPath, "PRAGMA user_version"));
        Assert.Equal(3L, DayDatabase.Scalar(TextPath, "PRAGMA user_version"));
        Assert.Equal(2L, DayDatabase.Scalar(TextPath, "SELECT count(*) FROM fts WHERE fts MATCH 'page'"));
    }

    [Fact]
    public async Task WriteAsync_NewDayWhenNotSplitting_CreatesAVersion2DayWithItsIndexInside()
    {
        using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, SplitTextIndex = false }, _clock);

        await store.WriteAsync(Events.Minutes(Events.Day0, 2), CancellationToken.None);

        Assert.Equal(2L, DayDatabase.Scalar(DayPath, "PRAGMA user_version"));
        Assert.Equal(2L, DayDatabase.Scalar(DayPath, "SELECT count(*) FROM fts WHERE fts MATCH 'page'"));
        Assert.False(File.Exists(TextPath));
    }

    [Fact]
    public async Task WriteAsync_Version4DayWhenNoLongerSplitting_StillIndexesItsTextInItsOwnFile()
    {
        using (var split = Open())
        {
            await split.WriteAsync(Events.Minutes(Events.Day0, 2), CancellationToken.None);
        }

        using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, SplitTextIndex = false }, _clock);
        await store.WriteAsync(Events.Minutes(Events.Day0.AddHours(1), 3, "f"), CancellationToken.None);

        Assert.Equal(4L, DayDatabase.Scalar(DayPath, "PRAGMA user_version"));
        Assert.Equal(5L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
        Assert.Equal(5, (await SearchAsync(store, "page")).Total);
    }

    [Fact]
    public async Task ApplyRetention_Version3Day_DeletesItsTextIndexFileToo()
    {
        using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, SplitTextIndex = true, RetentionDays = 2 }, _clock);
        _clock.Advance(TimeSpan.FromDays(-9));
        await store.WriteAsync(Events.Minutes(Events.Day0, 2), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(9));

        store.ApplyRetention();

        Assert.Empty(Directory.GetFiles(_directory.Path, "events-*"));
    }

    [Fact]
    public async Task WriteAsync_Acknowledged_IsFoundByTextAtOnceAndItsResendIsADuplicate()
    {
        using var store = Open();
        var events = Events.Minutes(Events.Day0, 3);

        var first = await store.WriteAsync(events, CancellationToken.None);
        var found = await SearchAsync(store, "page");
        var again = await store.WriteAsync(events, CancellationToken.None);

        Assert.Equal(3, first.Stored);
        Assert.Equal(3, found.Total);
        Assert.Equal(3, again.Duplicates);
        Assert.Equal(3L, DayDatabase.Scalar(TextPath, "SELECT count(*) FROM fts WHERE fts MATCH 'page'"));
    }

    [Fact]
    public async Task Open_CrashBetweenTheRowsCommitAndTheTextCommit_IndexesTheMissingRowsBeforeWriting()
    {
        using (var seed = Open())
        {
            await seed.WriteAsync(Events.Minutes(Events.Day0, 4), CancellationToken.None);
        }

        // The state a kill -9 leaves between the two commits of a group: rows committed, the index and its watermark
        // still before them.
        DayDatabase.Execute(TextPath, "INSERT INTO fts(fts) VALUES('delete-all'); UPDATE watermark SET rowid = 1;");
        DayDatabase.Execute(TextPath, "INSERT INTO fts(rowid, message) SELECT 1, 'page'");

        using var store = Open();

        Assert.Equal(4L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
        Assert.Equal(4, (await SearchAsync(store, "page")).Total);
        Assert.Equal(4, (await store.WriteAsync(Events.Minutes(Events.Day0, 4), CancellationToken.None)).Duplicates);
    }

    [Fact]
    public async Task Open_TextIndexFileDeleted_RebuildsItFromTheDayFile()
    {
        using (var seed = Open())
        {
            await seed.WriteAsync(Events.Minutes(Events.Day0, 3), CancellationToken.None);
        }

        DaySchema.DeleteWithSidecars(TextPath);
        using var store = Open();

        Assert.Equal(3, (await SearchAsync(store, "page")).Total);
        Assert.Equal(3L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
    }

    [Fact]
    public async Task SearchAsync_DayWithoutItsTextIndexFile_ReadsTheRowsAndMatchesNoText()
    {
        using (var seed = Open())
        {
            await seed.WriteAsync(Events.Minutes(Events.Day0, 3), CancellationToken.None);
        }

        DaySchema.DeleteWithSidecars(TextPath);
        await using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, ReadOnly = true }, _clock);

        Assert.Equal(3, (await SearchAsync(reader, string.Empty)).Total);
        Assert.Equal(0, (await SearchAsync(reader, "page")).Total);
        Assert.Equal(0, (await SearchAsync(reader, "pag*")).Total);
        Assert.False(File.Exists(TextPath));
    }

    [Fact]
    public async Task SearchAsync_TextIndexFileAppearsAfterAReaderOpenedTheDay_FindsTheText()
    {
        using (var seed = Open())
        {
            await seed.WriteAsync(Events.Minutes(Events.Day0, 3), CancellationToken.None);
        }

        var saved = TextPath + ".saved";
        File.Move(TextPath, saved);
        await using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, ReadOnly = true }, _clock);
        var before = await SearchAsync(reader, "page");
        File.Move(saved, TextPath);

        var after = await SearchAsync(reader, "page");

        Assert.Equal(0, before.Total);
        Assert.Equal(3, after.Total);
    }

    [Fact]
    public async Task WriteAsync_TextIndexCannotBeWritten_FailsTheBatchAndItsResendIsADuplicateFoundByText()
    {
        using (var seed = Open())
        {
            await seed.WriteAsync([Events.Access("seed", Events.Day0)], CancellationToken.None);
        }

        // A directory where the index file should be: the index can be neither opened nor rebuilt.
        DaySchema.DeleteWithSidecars(TextPath);
        Directory.CreateDirectory(TextPath);
        using var store = Open();
        var events = Events.Minutes(Events.Day0.AddHours(1), 3);

        await Assert.ThrowsAnyAsync<IOException>(() => store.WriteAsync(events, CancellationToken.None));
        Directory.Delete(TextPath);
        var resent = await store.WriteAsync(events, CancellationToken.None);

        Assert.Equal(3, resent.Duplicates);
        Assert.Equal(3, (await SearchAsync(store, "page")).Total);
        Assert.Equal(4L, DayDatabase.Scalar(TextPath, "SELECT rowid FROM watermark"));
    }

    [Fact]
    public async Task WriteAsync_Version2DayFile_WritesDedupesAndFindsTextInsideIt()
    {
        DaySchemaVersion2.Create(_directory.Path, DateOnly.FromDateTime(Events.Day0.UtcDateTime));
        using var store = Open();
        var events = Events.Minutes(Events.Day0, 3);

        var first = await store.WriteAsync(events, CancellationToken.None);
        var again = await store.WriteAsync(events, CancellationToken.None);

        Assert.Equal(3, first.Stored);
        Assert.Equal(3, again.Duplicates);
        Assert.Equal(3, (await SearchAsync(store, "page")).Total);
        Assert.Equal(2L, DayDatabase.Scalar(DayPath, "PRAGMA user_version"));
        Assert.False(File.Exists(TextPath));
    }

    [Fact]
    public async Task WriteAsync_NewDay_TextIndexMerges32SegmentsAtATime()
    {
        using var store = Open();

        await store.WriteAsync(Events.Minutes(Events.Day0, 2), CancellationToken.None);

        Assert.Equal(32L, DayDatabase.Scalar(TextPath, "SELECT v FROM fts_config WHERE k = 'automerge'"));
        Assert.Equal(64L, DayDatabase.Scalar(TextPath, "SELECT v FROM fts_config WHERE k = 'crisismerge'"));
    }

    [Fact]
    public async Task Open_TextIndexWithFts5DefaultMerges_GetsTheMergePolicyAndKeepsItsText()
    {
        using (var seed = Open())
        {
            await seed.WriteAsync(Events.Minutes(Events.Day0, 3), CancellationToken.None);
        }

        // An index made by an earlier build: FTS5's default merge settings.
        DayDatabase.Execute(TextPath, "DELETE FROM fts_config WHERE k IN ('automerge', 'crisismerge');");
        using var store = Open();
        await store.WriteAsync(Events.Minutes(Events.Day0.AddHours(1), 2, "f"), CancellationToken.None);

        Assert.Equal(32L, DayDatabase.Scalar(TextPath, "SELECT v FROM fts_config WHERE k = 'automerge'"));
        Assert.Equal(64L, DayDatabase.Scalar(TextPath, "SELECT v FROM fts_config WHERE k = 'crisismerge'"));
        Assert.Equal(5, (await SearchAsync(store, "page")).Total);
    }

    [Fact]
    public async Task WriteAsync_MoreGroupsThanAMergeTakes_FindsEveryEventByTextAndTheIndexIsSound()
    {
        using var store = Open();

        // One group per write, so one FTS5 segment per commit: 70 of them cross the automerge at 32 twice.
        for (var i = 0; i < 70; i++)
        {
            await store.WriteAsync([Events.Access($"s{i:D3}", Events.Day0.AddMinutes(i), path: $"/page/{i}")], CancellationToken.None);
        }

        Assert.Equal(70, (await SearchAsync(store, "page")).Total);
        Assert.Equal(1, (await SearchAsync(store, "\"/page/69\"")).Total);
        Assert.Equal(70, (await SearchAsync(store, "pag*")).Total);
        DayDatabase.Execute(TextPath, "INSERT INTO fts(fts, rank) VALUES('integrity-check', 0);");
    }

    private SqliteLogStore Open() => new(new SqliteStoreOptions { DataDirectory = _directory.Path, SplitTextIndex = true }, _clock);

    private static Task<SearchResult> SearchAsync(SqliteLogStore store, string query) =>
        store.SearchAsync(new SearchRequest { From = Events.Day0, To = Events.Day0.AddDays(1), Query = query }, CancellationToken.None);
}
