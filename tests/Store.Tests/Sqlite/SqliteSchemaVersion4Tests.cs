using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>
/// Schema version 4 (the default for new days): the id found by <c>(ts, key)</c>, events timed by the ingest clock by
/// key in <c>events_clock</c>; version 3 files still written and read.
/// </summary>
public sealed class SqliteSchemaVersion4Tests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(10));

    private string DayPath => Path.Combine(_directory.Path, "events-2026-11-20.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_NewDay_CreatesVersion4WithoutARandomOrderKeyIndex()
    {
        using var store = Open();

        await store.WriteAsync([Events.Access("a", Events.Day0)], CancellationToken.None);

        Assert.Equal(4L, DayDatabase.Scalar(DayPath, "PRAGMA user_version"));
        Assert.Equal(
            "events_clock,events_host_file_ts,events_path,events_source_ip_ts,events_status_ts,events_ts",
            DayDatabase.Scalar(DayPath, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name)"));
        Assert.Equal("ts,key", DayDatabase.Scalar(DayPath, "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info('events_ts') ORDER BY seqno)"));
    }

    [Fact]
    public async Task WriteAsync_SameEventsTwice_StoresThemOnceAndReportsDuplicates()
    {
        using var store = Open();
        var events = Events.Minutes(Events.Day0, 5);

        var first = await store.WriteAsync(events, CancellationToken.None);
        var again = await store.WriteAsync(events, CancellationToken.None);

        Assert.Equal((5, 5), (first.Stored, again.Duplicates));
        Assert.Equal(5L, DayDatabase.Scalar(DayPath, "SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task WriteAsync_OtherIdStoredUnderTheSameKeyAtTheSameTime_StoresTheNewEventAndStillDedupesIt()
    {
        using var store = Open();
        await store.WriteAsync([Events.Access("seed", Events.Day0)], CancellationToken.None);

        // A distinct id that shares the key of "twin" and its time (a hash collision, made by hand).
        var twinKey = IdKey.ForVersion4("twin", timedByIngestClock: false);
        DayDatabase.Execute(DayPath, $"UPDATE events SET key = {twinKey} WHERE id = 'seed'");
        var first = await store.WriteAsync([Events.Access("twin", Events.Day0)], CancellationToken.None);
        var again = await store.WriteAsync([Events.Access("twin", Events.Day0)], CancellationToken.None);

        Assert.Equal(WriteStatus.Stored, Assert.Single(first.Outcomes).Status);
        Assert.Equal(WriteStatus.Duplicate, Assert.Single(again.Outcomes).Status);
        Assert.Equal(2L, DayDatabase.Scalar(DayPath, $"SELECT count(*) FROM events WHERE key = {twinKey}"));
    }

    [Fact]
    public async Task WriteAsync_ResendTimedByTheIngestClockLaterTheSameDay_IsADuplicate()
    {
        using var store = Open();
        var first = Events.Access("clock", Events.Day0.AddHours(1)) with { TimestampFromIngestClock = true };
        await store.WriteAsync([first], CancellationToken.None);

        var resent = await store.WriteAsync([first with { Timestamp = Events.Day0.AddHours(5) }], CancellationToken.None);

        Assert.Equal(WriteStatus.Duplicate, Assert.Single(resent.Outcomes).Status);
        Assert.Equal(1L, DayDatabase.Scalar(DayPath, "SELECT count(*) FROM events INDEXED BY events_clock WHERE key & 1 = 1"));
    }

    [Fact]
    public async Task WriteAsync_ResendTimedByTheIngestClockAfterMidnight_IsADuplicateOfThePreviousDay()
    {
        using var store = Open();
        var first = Events.Access("late", Events.Day0.AddDays(1).AddMinutes(-1)) with { TimestampFromIngestClock = true };
        await store.WriteAsync([first], CancellationToken.None);

        var resent = await store.WriteAsync([first with { Timestamp = Events.Day0.AddDays(1).AddMinutes(2) }], CancellationToken.None);
        var ownTime = await store.WriteAsync([first with { Timestamp = Events.Day0.AddDays(1).AddMinutes(2), TimestampFromIngestClock = false }], CancellationToken.None);

        Assert.Equal(WriteStatus.Duplicate, Assert.Single(resent.Outcomes).Status);
        Assert.Equal(WriteStatus.Stored, Assert.Single(ownTime.Outcomes).Status);
    }

    [Fact]
    public void IdLookups_Version4_ProbeAnIndexAndNeverReadTheTableToFindAKey()
    {
        DaySchema.EnsureCreated(DayPath, splitTextIndex: true);
        var statements = DayStatements.For(DaySchema.Version4);

        Assert.Contains("USING INDEX events_ts (ts=? AND key=?)", Plan(statements.Find!), StringComparison.Ordinal);
        Assert.Contains("USING INDEX events_clock (key=?)", Plan(statements.Contains), StringComparison.Ordinal);
        var byIdAlone = Plan("SELECT 1 " + IdLookup.Clauses(DaySchema.Version4, timeKnown: false).Last());
        Assert.Contains("SCAN events USING COVERING INDEX events_ts", byIdAlone, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN events\n", byIdAlone + "\n", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task SurroundingAsync_Version4Day_FindsTheAnchorWithOrWithoutItsTime(bool timeKnown, bool timedByIngestClock)
    {
        using var store = Open();
        var events = Events.Minutes(Events.Day0.AddHours(2), 5).Select(e => e with { TimestampFromIngestClock = timedByIngestClock }).ToList();
        await store.WriteAsync(events, CancellationToken.None);

        var result = await store.SurroundingAsync(
            new SurroundingRequest { Id = events[2].Id, Timestamp = timeKnown ? events[2].Timestamp : null, Before = 1, After = 1 }, CancellationToken.None);

        Assert.Equal(events[2].Id, result.Anchor?.Id);
        Assert.Equal([events[1].Id, events[3].Id], result.Before.Concat(result.After).Select(h => h.Id));
    }

    [Fact]
    public async Task SurroundingAsync_Version4DayWithATimeThatLostItsDigits_StillFindsTheAnchor()
    {
        using var store = Open();
        var e = Events.Access("precise", Events.Day0.AddHours(3).AddTicks(1234567));
        await store.WriteAsync([e], CancellationToken.None);

        var result = await store.SurroundingAsync(new SurroundingRequest { Id = "precise", Timestamp = Events.Day0.AddHours(3) }, CancellationToken.None);

        Assert.Equal("precise", result.Anchor?.Id);
    }

    [Theory]
    [InlineData(900, true)]
    [InlineData(-900, true)]
    [InlineData(1_100, false)]
    public async Task IdLookup_Version4TimeWindowClauseAlone_FindsTheEventWithinOneSecondOfTheGivenTime(int offsetMs, bool found)
    {
        using (var store = Open())
        {
            await store.WriteAsync([Events.Access("near", Events.Day0.AddHours(3))], CancellationToken.None);
        }

        // The second clause (the ±1 s window on (ts, key)) on its own: the clauses after it would find the event anyway.
        var window = IdLookup.Clauses(DaySchema.Version4, timeKnown: true).ElementAt(1);
        using var connection = new SqliteConnection($"Data Source={DayPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id " + window;
        IdLookup.Bind(command, "near", Events.Day0.AddHours(3).AddMilliseconds(offsetMs));

        Assert.Equal(found ? "near" : null, command.ExecuteScalar());
        Assert.Contains("USING INDEX events_ts (ts>? AND ts<?)", Plan("SELECT 1 " + window), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Version3DayFile_StaysVersion3AndIsWrittenDedupedIndexedAndRead()
    {
        DaySchemaVersion3.Create(_directory.Path, DateOnly.FromDateTime(Events.Day0.UtcDateTime));
        using var store = Open();
        var events = Events.Minutes(Events.Day0, 3);
        var clock = Events.Access("clock", Events.Day0.AddHours(1)) with { TimestampFromIngestClock = true };

        var first = await store.WriteAsync([.. events, clock], CancellationToken.None);
        var again = await store.WriteAsync([.. events, clock with { Timestamp = Events.Day0.AddHours(4) }], CancellationToken.None);
        var search = await store.SearchAsync(new SearchRequest { From = Events.Day0, To = Events.Day0.AddDays(1), Query = "page" }, CancellationToken.None);
        var surrounding = await store.SurroundingAsync(new SurroundingRequest { Id = "e0001", Before = 1, After = 1 }, CancellationToken.None);

        Assert.Equal((4, 4), (first.Stored, again.Duplicates));
        Assert.Equal(["e0002", "e0001", "e0000"], search.Hits.Select(h => h.Id));
        Assert.Equal("e0001", surrounding.Anchor?.Id);
        Assert.Equal(3L, DayDatabase.Scalar(DayPath, "PRAGMA user_version"));
        Assert.Equal(1L, DayDatabase.Scalar(DayPath, "SELECT count(*) FROM sqlite_master WHERE name = 'events_key'"));
    }

    /// <summary>The plan's details, one line per step.</summary>
    private string Plan(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DayPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }

    private SqliteLogStore Open() => new(new SqliteStoreOptions { DataDirectory = _directory.Path }, _clock);
}
