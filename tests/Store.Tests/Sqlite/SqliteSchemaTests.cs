using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>Schema version 2: ids keyed by a 64-bit hash, the message kept once, version 1 files still usable.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(10));

    private string DayPath => Path.Combine(_directory.Path, "events-2026-11-20.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_OtherIdStoredUnderTheSameKey_StoresTheNewEventAndStillDedupesIt()
    {
        using var store = Open();
        await store.WriteAsync([Events.Access("seed", Events.Day0)], CancellationToken.None);

        // A distinct id that shares the key of "twin" (a hash collision, made by hand).
        DayDatabase.Execute(DayPath, $"UPDATE events SET key = {IdKey.Of("twin")} WHERE id = 'seed'");
        var first = await store.WriteAsync([Events.Access("twin", Events.Day0.AddMinutes(1))], CancellationToken.None);
        var again = await store.WriteAsync([Events.Access("twin", Events.Day0.AddMinutes(1))], CancellationToken.None);

        Assert.Equal(WriteStatus.Stored, Assert.Single(first.Outcomes).Status);
        Assert.Equal(WriteStatus.Duplicate, Assert.Single(again.Outcomes).Status);
        Assert.Equal(2L, DayDatabase.Scalar(DayPath, $"SELECT count(*) FROM events WHERE key = {IdKey.Of("twin")}"));
    }

    [Fact]
    public async Task WriteAsync_NewDay_KeepsTheMessageOnlyInsideTheDocument()
    {
        using var store = Open();
        var e = Events.Access("a", Events.Day0);

        await store.WriteAsync([e], CancellationToken.None);

        Assert.Equal(2L, DayDatabase.Scalar(DayPath, "PRAGMA user_version"));
        Assert.Equal(2L, DayDatabase.Scalar(DayPath, "SELECT hidden FROM pragma_table_xinfo('events') WHERE name = 'message'"));
        Assert.Equal(e.Message, DayDatabase.Scalar(DayPath, "SELECT message FROM events"));
        Assert.Equal(e.Message, DayDatabase.Scalar(DayPath, "SELECT json(doc) ->> '$.message' FROM events"));
    }

    [Fact]
    public async Task SearchAsync_UrlNotInTheMessage_FindsTheEventByAWordOfTheUrl()
    {
        using var store = Open();
        var e = Events.Access("a", Events.Day0) with { UrlOriginal = "/only-in-url/checkout" };

        await store.WriteAsync([e, Events.Access("b", Events.Day0.AddMinutes(1))], CancellationToken.None);
        var result = await store.SearchAsync(new SearchRequest { From = Events.Day0, To = Events.Day0.AddDays(1), Query = "checkout" }, CancellationToken.None);

        Assert.Equal("a", Assert.Single(result.Hits).Id);
    }

    [Fact]
    public async Task WriteAsync_Version1DayFile_WritesDedupesAndReadsIt()
    {
        CreateVersion1Day();
        using var store = Open();
        var events = Events.Minutes(Events.Day0, 3);

        var first = await store.WriteAsync(events, CancellationToken.None);
        var again = await store.WriteAsync(events, CancellationToken.None);
        var search = await store.SearchAsync(new SearchRequest { From = Events.Day0, To = Events.Day0.AddDays(1), Query = "page" }, CancellationToken.None);
        var surrounding = await store.SurroundingAsync(new SurroundingRequest { Id = "e0001", Before = 1, After = 1 }, CancellationToken.None);

        Assert.Equal(3, first.Stored);
        Assert.Equal(3, again.Duplicates);
        Assert.Equal(["e0002", "e0001", "e0000"], search.Hits.Select(h => h.Id));
        Assert.Equal("e0001", surrounding.Anchor?.Id);
        Assert.Equal(1L, DayDatabase.Scalar(DayPath, "PRAGMA user_version"));
    }

    [Fact]
    public async Task WriteAsync_DayFileOfAnUnknownVersion_ThrowsNamingTheFileAndWhatToDo()
    {
        CreateVersion1Day();
        DayDatabase.Execute(DayPath, "PRAGMA user_version = 99");
        using var store = Open();

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => store.WriteAsync([Events.Access("a", Events.Day0)], CancellationToken.None));

        Assert.Contains(DayPath, e.Message, StringComparison.Ordinal);
        Assert.Contains("version 99", e.Message, StringComparison.Ordinal);
        Assert.Contains("move the file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ResendTimedByTheIngestClockAfterMidnight_IsADuplicateOfThePreviousDay()
    {
        using var store = Open();
        var first = Events.Access("late", Events.Day0.AddDays(1).AddMinutes(-1)) with { TimestampFromIngestClock = true };
        await store.WriteAsync([first], CancellationToken.None);

        var resent = await store.WriteAsync(
            [first with { Timestamp = Events.Day0.AddDays(1).AddMinutes(2) }, Events.Access("new", Events.Day0.AddDays(1)) with { TimestampFromIngestClock = true }],
            CancellationToken.None);
        var ownTime = await store.WriteAsync([first with { Timestamp = Events.Day0.AddDays(1).AddMinutes(2), TimestampFromIngestClock = false }], CancellationToken.None);

        Assert.Equal([WriteStatus.Duplicate, WriteStatus.Stored], resent.Outcomes.Select(o => o.Status));
        Assert.Equal(WriteStatus.Stored, Assert.Single(ownTime.Outcomes).Status);
    }

    [Fact]
    public async Task WriteAsync_IngestClockRecordWithNoPreviousDayFile_IsStoredAndCreatesNoOtherFile()
    {
        using var store = Open();

        var result = await store.WriteAsync([Events.Access("a", Events.Day0) with { TimestampFromIngestClock = true }], CancellationToken.None);

        Assert.Equal(WriteStatus.Stored, Assert.Single(result.Outcomes).Status);
        Assert.Equal(["events-2026-11-20.db"], Directory.GetFiles(_directory.Path, "*.db").Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_IngestClockRecordWhenThePreviousDayCannotBeOpened_IsStoredInItsOwnDay()
    {
        DayDatabase.Execute(DayPath, "PRAGMA user_version = 99");
        using var store = Open();

        var result = await store.WriteAsync([Events.Access("a", Events.Day0.AddDays(1)) with { TimestampFromIngestClock = true }], CancellationToken.None);

        Assert.Equal(WriteStatus.Stored, Assert.Single(result.Outcomes).Status);
    }

    [Fact]
    public async Task WriteAsync_IngestClockRecordWhenThePreviousDayIsDamaged_IsStoredInItsOwnDayAndLaterWritesToo()
    {
        using (var seed = Open())
        {
            var rows = Enumerable.Range(0, 2000).Select(i => Events.Access($"old{i}", Events.Day0.AddMinutes(i % 600))).ToList();
            await seed.WriteAsync(rows, CancellationToken.None);
        }

        // Keep the header page (the file still opens) and overwrite the pages after it: reading an id there fails.
        using (var file = new FileStream(DayPath, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096;
            file.Write(Enumerable.Repeat((byte)0xA5, (int)Math.Min(file.Length - 4096, 1 << 20)).ToArray());
        }

        using var store = Open();
        var first = await store.WriteAsync([Events.Access("a", Events.Day0.AddDays(1)) with { TimestampFromIngestClock = true }], CancellationToken.None);
        var second = await store.WriteAsync([Events.Access("b", Events.Day0.AddDays(1)) with { TimestampFromIngestClock = true }], CancellationToken.None);

        Assert.Equal(WriteStatus.Stored, Assert.Single(first.Outcomes).Status);
        Assert.Equal(WriteStatus.Stored, Assert.Single(second.Outcomes).Status);
    }

    // Schema 2 (the index inside the day file), as new days were before schema 3 became the default.
    private SqliteLogStore Open() => new(new SqliteStoreOptions { DataDirectory = _directory.Path, SplitTextIndex = false }, _clock);

    private void CreateVersion1Day() => DaySchemaVersion1.Create(_directory.Path, DateOnly.FromDateTime(Events.Day0.UtcDateTime));
}
