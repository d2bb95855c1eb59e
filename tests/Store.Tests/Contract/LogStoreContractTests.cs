using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Contract;

/// <summary>
/// What every store must do, whichever is underneath. Each adapter inherits this class and supplies a fresh, empty
/// store (SQLite always; Elasticsearch when <c>LOGPIPELINE_ES_URL</c> is set).
/// </summary>
public abstract partial class LogStoreContractTests : IAsyncLifetime
{
    private ILogSink? _sink;
    private ILogSearch? _search;

    protected ILogSink Sink => _sink ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected ILogSearch Search => _search ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public async Task InitializeAsync() => (_sink, _search) = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WriteAsync_NewIds_ReportsEachStored()
    {
        var result = await WriteAsync(Events.Minutes(Events.Day0, 5));

        Assert.Equal(5, result.Stored);
        Assert.All(result.Outcomes, o => Assert.Equal(WriteStatus.Stored, o.Status));
    }

    [Fact]
    public async Task WriteAsync_SameBatchTwice_ReportsDuplicatesAndKeepsOneCopy()
    {
        var batch = Events.Minutes(Events.Day0, 5);
        await WriteAsync(batch);

        var again = await WriteAsync(batch);

        Assert.Equal(5, again.Duplicates);
        Assert.Equal(5, (await SearchAsync(string.Empty)).Total);
    }

    [Fact]
    public async Task WriteAsync_SameIdTwiceInOneBatch_SecondIsDuplicate()
    {
        var e = Events.Access("dup", Events.Day0.AddHours(1));

        var result = await WriteAsync([e, e]);

        Assert.Equal([WriteStatus.Stored, WriteStatus.Duplicate], result.Outcomes.Select(o => o.Status));
        Assert.Equal(1, (await SearchAsync(string.Empty)).Total);
    }

    [Fact]
    public async Task SearchAsync_EmptyQuery_ReturnsEverythingNewestFirst()
    {
        await WriteAsync(Events.Minutes(Events.Day0.AddHours(23).AddMinutes(55), 10));

        var result = await SearchAsync(string.Empty, size: 100);

        Assert.Equal(10, result.Total);
        Assert.Equal(Enumerable.Range(0, 10).Reverse().Select(i => $"e{i:D4}"), result.Hits.Select(h => h.Id));
        Assert.Null(result.NextCursor);
    }

    [Fact]
    public async Task SearchAsync_FreeText_MatchesMessageAndUrlCaseInsensitively()
    {
        await WriteAsync(
        [
            Events.Access("a", Events.Day0.AddMinutes(1), path: "/wp-login.php"),
            Events.Access("b", Events.Day0.AddMinutes(2), path: "/index.php", userAgent: "sqlmap/1.7"),
            Events.Access("c", Events.Day0.AddMinutes(3), path: "/about", query: "ref=Newsletter"),
        ]);

        Assert.Equal(["a"], (await SearchAsync("WP-LOGIN")).Hits.Select(h => h.Id));
        Assert.Equal(["b"], (await SearchAsync("sqlmap")).Hits.Select(h => h.Id));
        Assert.Equal(["c"], (await SearchAsync("newsletter")).Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task SearchAsync_TimeRange_IsHalfOpen()
    {
        await WriteAsync(Events.Minutes(Events.Day0, 10));

        var result = await SearchAsync(string.Empty, from: Events.Day0.AddMinutes(2), to: Events.Day0.AddMinutes(5));

        Assert.Equal(["e0004", "e0003", "e0002"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task SearchAsync_CursorPaging_VisitsEveryHitOnceAcrossDays()
    {
        var events = Events.Minutes(Events.Day0.AddHours(23), 150);
        await WriteAsync(events);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(string.Empty, size: 7, cursor: cursor);
            Assert.InRange(page.Hits.Count, 1, 7);
            seen.AddRange(page.Hits.Select(h => h.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(events.Select(e => e.Id).Reverse(), seen);
    }

    [Fact]
    public async Task SearchAsync_MoreMatchesThanCap_ReportsLowerBound()
    {
        await WriteAsync(Events.Minutes(Events.Day0, 30));

        var capped = await Search.SearchAsync(Request(string.Empty) with { TotalCap = 10 }, CancellationToken.None);
        var exact = await Search.SearchAsync(Request(string.Empty) with { TotalCap = 30 }, CancellationToken.None);

        Assert.Equal((10, true), (capped.Total, capped.TotalIsLowerBound));
        Assert.Equal((30, false), (exact.Total, exact.TotalIsLowerBound));
    }

    [Theory]
    [InlineData("\"NEAR(a b) OR message:x *\"")]
    [InlineData("\"'; DROP TABLE events; --\"")]
    [InlineData("path:\"' OR 1=1 --\"")]
    [InlineData("ua:\"x\\\" OR \\\"y\"")]
    [InlineData("tags:\"]]'\\\"); DELETE FROM events; --\"")]
    public async Task SearchAsync_StoreSyntaxInsideValues_MatchesNothingAndBreaksNothing(string query)
    {
        await WriteAsync(Events.Minutes(Events.Day0, 3));

        var hostile = await SearchAsync(query);
        var all = await SearchAsync(string.Empty);

        Assert.Empty(hostile.Hits);
        Assert.Equal(3, all.Total);
    }

    [Theory]
    [InlineData("\"unclosed", 0)]
    [InlineData("status:abc", 7)]
    [InlineData("a AND (b OR", 11)]
    public async Task SearchAsync_QueryThatDoesNotParse_ThrowsQuerySyntaxExceptionWithPosition(string query, int position)
    {
        var e = await Assert.ThrowsAsync<QuerySyntaxException>(() => SearchAsync(query));

        Assert.Equal(position, e.Position);
    }

    protected abstract Task<(ILogSink Sink, ILogSearch Search)> CreateStoreAsync();

    /// <summary>Makes written events visible to search (Elasticsearch: refresh); nothing to do where writes are visible at once.</summary>
    protected virtual Task RefreshAsync() => Task.CompletedTask;

    protected async Task<WriteResult> WriteAsync(IReadOnlyList<LogRecord> records)
    {
        var result = await Sink.WriteAsync(records, CancellationToken.None);
        await RefreshAsync();
        return result;
    }

    protected Task<SearchResult> SearchAsync(
        string query, int size = 50, string? cursor = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        Search.SearchAsync(Request(query, from, to) with { Size = size, Cursor = cursor }, CancellationToken.None);

    protected static SearchRequest Request(string query, DateTimeOffset? from = null, DateTimeOffset? to = null) => new()
    {
        Query = query,
        From = from ?? Events.Day0.AddDays(-1),
        To = to ?? Events.Day0.AddDays(3),
    };
}
