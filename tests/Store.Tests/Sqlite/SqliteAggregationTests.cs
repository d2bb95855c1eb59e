using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>Top values and distinct counts on the query data set, against counts computed from the samples.</summary>
public sealed class SqliteAggregationTests(QueryDataSetFixture data) : IClassFixture<QueryDataSetFixture>
{
    public static TheoryData<string, string> Cases => new()
    {
        { "", "ip" },
        { "", "status" },
        { "path:/wp-login.php", "ip" },
        { "", "path" },
        { "NOT status:200", "host" },
        { "", "tags" },
        { "", "haproxy.backend_name" },
        { "", "mysql.thread_id" },
        { "xmlrpc", "ua" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TopValuesAsync_Field_MatchesCountsOverTheWholeDataSet(string query, string field)
    {
        var expected = Expected(query, field);

        var result = await data.Store.TopValuesAsync(
            new TopValuesRequest { Query = query, Field = field, Size = 3, From = data.Request("").From, To = data.Request("").To }, CancellationToken.None);

        Assert.Equal(expected.Take(3), result.Values);
        Assert.Equal(expected.Count, result.DistinctCount);
        Assert.Equal(expected.Skip(3).Sum(v => v.Count), result.OtherCount);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DistinctCountAsync_Field_MatchesTheDataSet(string query, string field)
    {
        var result = await data.Store.DistinctCountAsync(
            new DistinctCountRequest { Query = query, Field = field, From = data.Request("").From, To = data.Request("").To }, CancellationToken.None);

        Assert.Equal(Expected(query, field).Count, result.Count);
    }

    [Fact]
    public async Task TopValuesAsync_Timestamp_ThrowsQuerySyntaxException()
    {
        await Assert.ThrowsAsync<QuerySyntaxException>(() => data.Store.TopValuesAsync(
            new TopValuesRequest { Field = "@timestamp", From = data.Request("").From, To = data.Request("").To }, CancellationToken.None));
    }

    private List<TopValue> Expected(string query, string field)
    {
        var matching = data.Samples.Where(Filter(query));
        IEnumerable<string> Values(Sample s) => field switch
        {
            "ip" => [s.Ip!],
            "status" => [s.Status?.ToString()!],
            "path" => [s.Path!],
            "host" => [s.Host],
            "tags" => s.Tags.Distinct(),
            "haproxy.backend_name" => [s.Backend!],
            "mysql.thread_id" => [s.ThreadId?.ToString()!],
            "ua" => [s.UserAgent!],
            _ => throw new ArgumentException(field),
        };
        return matching.SelectMany(s => Values(s).Where(v => v is not null)).GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new TopValue(g.Key, g.Count())).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
    }

    private static Func<Sample, bool> Filter(string query) => query switch
    {
        "" => _ => true,
        "path:/wp-login.php" => s => string.Equals(s.Path, "/wp-login.php", StringComparison.OrdinalIgnoreCase),
        "NOT status:200" => s => s.Status != 200,
        "xmlrpc" => s => s.Words.Contains("xmlrpc"),
        _ => throw new ArgumentException(query),
    };
}
