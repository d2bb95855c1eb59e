using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>
/// The per-minute summary written in the insert transaction (<c>minutes</c>): the table equals the stored rows grouped
/// by minute, host, dataset and status (duplicates re-sent, failed events, late events, nulls and case variants), and
/// histograms read from it equal those of the same day files with the table dropped, which count the rows.
/// </summary>
public sealed class SqliteMinuteTableTests : IAsyncLifetime
{
    private const string GroupedRows = """
        SELECT (ts - $day) / 60000000000, host, dataset, status, count(*) FROM events
        GROUP BY 1, host COLLATE BINARY, dataset, status ORDER BY 1, 2 COLLATE BINARY, 3, 4
        """;

    private const string TableRows = "SELECT minute, host, dataset, status, n FROM minutes ORDER BY 1, 2 COLLATE BINARY, 3, 4";

    private static readonly int?[] Statuses = [200, 404, 200, 302, 500, null, 404];
    private static readonly string?[] Hosts = ["web1", "web2", "WEB1", null, "web2"];
    private static readonly string?[] Datasets = ["apache.access", "apache.access", "mysql.error", null];
    private readonly TempDirectory _directory = new();
    private readonly TempDirectory _rowsOnly = new();
    private readonly FakeTimeProvider _clock = new(Events.Day0.AddDays(3));
    private SqliteLogStore _writer = null!;

    public Task InitializeAsync()
    {
        _writer = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = 3650 }, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        _directory.Dispose();
        _rowsOnly.Dispose();
    }

    [Fact]
    public async Task WriteAsync_DuplicatesFailuresLateEventsNullsAndCase_TableEqualsTheStoredRowsGrouped()
    {
        var first = Spread(Events.Day0.AddHours(2), TimeSpan.FromHours(40), 2_000, "a");
        await _writer.WriteAsync(first, CancellationToken.None);
        var invalid = Events.Access("bad1", Events.Day0.AddHours(5)) with { DocumentJson = "{not json" };
        List<LogRecord> again = [.. first.Take(500), .. first.Take(10), invalid, .. Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(44), 700, "late")];

        var result = await _writer.WriteAsync(again, CancellationToken.None);

        Assert.Equal(510, result.Outcomes.Count(o => o.Status == WriteStatus.Duplicate));
        Assert.Equal(WriteStatus.Failed, result.Outcomes[510].Status);
        foreach (var day in new[] { 0, 1 })
        {
            var path = DayFiles.PathOf(_directory.Path, DateOnly.FromDateTime(Events.Day0.AddDays(day).UtcDateTime));
            Assert.Equal(Rows(path, GroupedRows, day), Rows(path, TableRows, day));
        }

        Assert.Equal(2_700L, Rows(DayFiles.PathOf(_directory.Path, DateOnly.FromDateTime(Events.Day0.UtcDateTime)), TableRows, 0).Sum(r => (long)r[^1]!)
            + Rows(DayFiles.PathOf(_directory.Path, DateOnly.FromDateTime(Events.Day0.AddDays(1).UtcDateTime)), TableRows, 1).Sum(r => (long)r[^1]!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:WEB1")]
    [InlineData("NOT host:web2")]
    [InlineData("status:[300 TO 499]")]
    [InlineData("NOT status:200")]
    [InlineData("host:web1 OR dataset:mysql.error")]
    [InlineData("_exists_:status AND NOT _exists_:host")]
    [InlineData("dataset:apache.access AND (status:404 OR status:500)")]
    public async Task HistogramAsync_QueryOnHostDatasetStatus_EqualsCountingTheRows(string query)
    {
        await _writer.WriteAsync(Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(44), 3_000, "a"), CancellationToken.None);
        await _writer.WriteAsync(Spread(Events.Day0.AddHours(3), TimeSpan.FromHours(30), 1_000, "late"), CancellationToken.None);
        CopyWithoutTable();
        (DateTimeOffset From, DateTimeOffset To)[] ranges =
        [
            (Events.Day0.AddHours(1).AddMinutes(7).AddSeconds(13.5), Events.Day0.AddHours(43).AddSeconds(41)),
            (Events.Day0.AddHours(5).AddSeconds(1.5), Events.Day0.AddHours(5).AddSeconds(59)),
            (Events.Day0.AddHours(23).AddMinutes(50), Events.Day0.AddHours(24).AddMinutes(10)),
        ];

        foreach (var ((from, to), minutes) in ranges.SelectMany(r => new[] { 1, 5, 60 }.Select(m => (r, m))))
        {
            var fromTable = await HistogramAsync(_directory.Path, query, from, to, minutes);
            var fromRows = await HistogramAsync(_rowsOnly.Path, query, from, to, minutes);

            Assert.Equal(fromRows.Buckets, fromTable.Buckets);
        }

        Assert.True((await HistogramAsync(_directory.Path, query, ranges[0].From, ranges[0].To, 60)).Total > 0);
    }

    [Theory]
    [InlineData("", "host.name")]
    [InlineData("NOT status:200", "host.name")]
    [InlineData("host:WEB1 OR dataset:mysql.error", "http.response.status_code")]
    [InlineData("status:[200 TO 404]", "event.dataset")]
    public async Task TopValuesAsync_FieldAndQueryOnHostDatasetStatus_EqualsCountingTheRows(string query, string field)
    {
        await _writer.WriteAsync(Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(44), 3_000, "a"), CancellationToken.None);
        CopyWithoutTable();
        var request = new TopValuesRequest { Query = query, From = Events.Day0.AddHours(2).AddSeconds(30.5), To = Events.Day0.AddHours(40).AddMinutes(1).AddSeconds(2), Field = field, Size = 3 };

        var fromTable = await TopValuesAsync(_directory.Path, request);
        var fromRows = await TopValuesAsync(_rowsOnly.Path, request);

        Assert.Equal(fromRows.Values, fromTable.Values);
        Assert.Equal((fromRows.OtherCount, fromRows.DistinctCount), (fromTable.OtherCount, fromTable.DistinctCount));
        Assert.NotEmpty(fromTable.Values);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOT status:200")]
    [InlineData("dataset:mysql.error OR status:[400 TO 599]")]
    public async Task HostActivityAsync_QueryOnHostDatasetStatus_EqualsCountingTheRows(string query)
    {
        await _writer.WriteAsync(Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(44), 3_000, "a"), CancellationToken.None);
        List<LogRecord> sameMinute =
        [
            Events.Access("upper", Events.Day0.AddHours(40).AddSeconds(5), host: "WEB1", status: 500) with { Dataset = "mysql.error" },
            Events.Access("lower", Events.Day0.AddHours(40).AddSeconds(30), host: "web1", status: 500) with { Dataset = "mysql.error" },
        ];
        await _writer.WriteAsync(sameMinute, CancellationToken.None);
        CopyWithoutTable();
        var request = new HostActivityRequest { Query = query, From = Events.Day0.AddHours(2).AddSeconds(30.5), To = Events.Day0.AddHours(40).AddMinutes(1).AddSeconds(2), RecentFrom = Events.Day0.AddHours(39).AddSeconds(12) };

        var fromTable = await HostActivityAsync(_directory.Path, request);
        var fromRows = await HostActivityAsync(_rowsOnly.Path, request);

        Assert.Equal(fromRows, fromTable);
        Assert.Equal(3, fromTable.Count);
    }

    [Fact]
    public async Task HistogramAsync_Version1DayFile_IsCountedFromItsRows()
    {
        DaySchemaVersion1.Create(_directory.Path, DateOnly.FromDateTime(Events.Day0.UtcDateTime));
        var written = Spread(Events.Day0.AddHours(1), TimeSpan.FromHours(20), 1_500, "a");
        await _writer.WriteAsync(written, CancellationToken.None);
        var from = Events.Day0.AddMinutes(30).AddSeconds(5);
        var to = Events.Day0.AddHours(30);

        var result = await HistogramAsync(_directory.Path, "NOT status:200", from, to, 1);

        Assert.Equal(written.Count(e => e.Status != 200), result.Total);
        Assert.Equal(0L, DayDatabase.Scalar(DayFiles.PathOf(_directory.Path, DateOnly.FromDateTime(Events.Day0.UtcDateTime)), "SELECT count(*) FROM sqlite_master WHERE name = 'minutes'"));
    }

    private static async Task<HistogramResult> HistogramAsync(string directory, string query, DateTimeOffset from, DateTimeOffset to, int minutes)
    {
        await using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = directory, ReadOnly = true }, new FakeTimeProvider(Events.Day0.AddDays(3)));
        return await reader.HistogramAsync(new HistogramRequest { Query = query, From = from, To = to, Interval = TimeSpan.FromMinutes(minutes) }, CancellationToken.None);
    }

    private static async Task<TopValuesResult> TopValuesAsync(string directory, TopValuesRequest request)
    {
        await using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = directory, ReadOnly = true }, new FakeTimeProvider(Events.Day0.AddDays(3)));
        return await reader.TopValuesAsync(request, CancellationToken.None);
    }

    private static async Task<List<HostActivity>> HostActivityAsync(string directory, HostActivityRequest request)
    {
        await using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = directory, ReadOnly = true }, new FakeTimeProvider(Events.Day0.AddDays(3)));
        return [.. await reader.HostActivityAsync(request, CancellationToken.None)];
    }

    /// <summary>The day files copied to <see cref="_rowsOnly"/> without their <c>minutes</c> table, as files made before it existed.</summary>
    private void CopyWithoutTable()
    {
        foreach (var file in DayDatabase.DayFiles(_directory.Path))
        {
            var copy = Path.Combine(_rowsOnly.Path, Path.GetFileName(file));
            DayDatabase.Execute(file, $"VACUUM INTO '{copy}'");
            DayDatabase.Execute(copy, "DROP TABLE minutes");
        }
    }

    private static List<object?[]> Rows(string path, string sql, int day)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$day", (Events.Day0.AddDays(day).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Events at uneven sub-second times over [start, start + span), not in time order, with nulls and host case variants.</summary>
    private static List<LogRecord> Spread(DateTimeOffset start, TimeSpan span, int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => Events.Access($"{prefix}{i:D5}", start.AddTicks(span.Ticks / count * ((i * 7919L) % count)).AddMilliseconds(i % 997))
            with { Host = Hosts[i % Hosts.Length], Dataset = Datasets[i % Datasets.Length], Status = Statuses[i % Statuses.Length] }).ToList();
}
