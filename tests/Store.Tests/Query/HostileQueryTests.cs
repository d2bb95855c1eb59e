using LogPipeline.Store.Query;

namespace LogPipeline.Store.Tests.Query;

public sealed class HostileQueryTests
{
    public static TheoryData<string, string> Hostile => new()
    {
        { "\"", "never closed" },
        { "ua:\"Mozilla", "never closed" },
        { new string('(', 10_000) + "a" + new string(')', 10_000), "limit is 16384" },
        { new string('(', 10_000), "nests deeper than 64" },
        { string.Concat(Enumerable.Repeat("NOT ", 3_000)) + "a", "nests deeper than 64" },
        { new string('!', 10_000) + "a", "nests deeper than 64" },
        { "ua:/" + new string('a', 5_000) + ".*/", "limit is 1000" },
        { "x" + new string(' ', 20_000), "limit is 16384" },
        { string.Join(" OR ", Enumerable.Range(0, 1_100).Select(i => "t" + i)), "more than 1024 terms" },
        { "status:[1 TO 2] AND (", "ends where a term is expected" },
        { "ua:/(a+)+\\d/", "is not supported" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Parse_HostileQuery_ReturnsAClearErrorWithAPosition(string text, string fragment)
    {
        var result = LogQuery.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
        Assert.InRange(result.ErrorPosition, 0, text.Length);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_Succeeds()
    {
        var text = new string('(', 60) + "a" + new string(')', 60);

        Assert.Equal(new TermNode(null, "a"), LogQuery.Parse(text).Query);
    }

    [Fact]
    public void GetQueryOrThrow_FailedParse_ThrowsQuerySyntaxExceptionWithThePosition()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => LogQuery.Parse("a OR (b").GetQueryOrThrow());

        Assert.Equal(5, e.Position);
    }
}
