using LogPipeline.Store.Tests.Query;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>The shared case table, executed for real on SQLite against the data set's known answers.</summary>
public sealed class SqliteQueryCaseTests(QueryDataSetFixture data) : IClassFixture<QueryDataSetFixture>
{
    public static TheoryData<string> Cases => new(QueryCases.All.Select(c => c.Query));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SearchAsync_CaseTableQuery_ReturnsExactlyTheExpectedEvents(string query)
    {
        var @case = QueryCases.All.Single(c => c.Query == query);
        var expected = data.Samples.Where(@case.Expected).Select(s => s.Id).Order().ToList();

        var result = await data.Store.SearchAsync(data.Request(query), CancellationToken.None);

        Assert.Equal(expected, result.Hits.Select(h => h.Id).Order().ToList());
        Assert.Equal(expected.Count, result.Total);
    }

    [Fact]
    public void CaseTable_EveryQueryButTheInjectionCases_SelectsSomeButNotAllEvents()
    {
        var all = data.Samples.Count;
        var weak = new List<string>();
        foreach (var @case in QueryCases.All.Where(c => c.Query is not ("" or "*") && !c.Query.Contains("DROP") && !c.Query.Contains("NEAR") && !c.Query.Contains("1=1")))
        {
            var count = data.Samples.Count(@case.Expected);
            if (count == 0 || count == all)
            {
                weak.Add($"'{@case.Query}' selects {count} of {all}");
            }
        }

        Assert.True(weak.Count == 0, string.Join("; ", weak));
    }

    [Theory]
    [InlineData("ua:/(a|aa)*(b|bb)*z[0-9]{40}.*/")]
    [InlineData("/(x+x+)+y.*/")]
    [InlineData("message:/([a-z]+)*[0-9]{50}/")]
    public async Task SearchAsync_CatastrophicBacktrackingPattern_ReturnsNormally(string query)
    {
        var result = await data.Store.SearchAsync(data.Request(query), CancellationToken.None);

        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task SearchAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => data.Store.SearchAsync(data.Request("xmlrpc"), cancelled.Token));
    }
}
