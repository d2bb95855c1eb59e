namespace LogPipeline.Parsers.Tests.RealServers;

[Collection(RealServerCollection.Name)]
public sealed class ApacheRealServerTests(RealServerLogs logs)
{
    [Theory]
    [InlineData("apache-access.log")]
    [InlineData("apache-vhost.log")]
    [InlineData("apache-duration.log")]
    [InlineData("apache-common.log")]
    public void Parse_AccessLogVariant_EveryLineParsed(string file) =>
        ParsedAssert.AllParsed(logs.Parse(file, "apache.access"), file);

    [Fact]
    public void Parse_CombinedLog_EveryRequestHasTheValuesSent()
    {
        var documents = logs.Parse("apache-access.log", "apache.access");
        var requests = logs.Manifest.Where(r => r[0] == "http" && r[7] != "503").ToList();
        Assert.NotEmpty(requests);
        foreach (var row in requests)
        {
            var doc = ParsedAssert.ByMarker(documents, row[1]);
            Assert.Equal(row[3], doc.GetString("http.request.method"));
            Assert.Equal(row[4], doc.GetString("url.path"));
            Assert.Equal(row[5], doc.GetString("url.query"));
            Assert.Equal(row[6], doc.GetString("http.version"));
            Assert.Equal(long.Parse(row[7]), doc.GetLong("http.response.status_code"));
            Assert.Equal(row[8], doc.GetString("user_agent.original"));
            Assert.Equal("127.0.0.1", doc.GetString("source.ip"));
        }

        var withReferrer = Assert.Single(documents, d => d.GetString("url.query")?.StartsWith("utm_source=test", StringComparison.Ordinal) == true && d.GetString("http.request.referrer") is not null && d.GetString("url.query")!.Contains("lp=m2", StringComparison.Ordinal));
        Assert.Equal("http://example.test/from", withReferrer.GetString("http.request.referrer"));
    }

    [Fact]
    public void Parse_MalformedRequests_KeptWithStatusAndNoRequestFields()
    {
        var documents = logs.Parse("apache-access.log", "apache.access");

        var garbage = Assert.Single(documents, d => d.GetString("message")!.Contains("\"GARBAGE\"", StringComparison.Ordinal));
        Assert.Equal(400, garbage.GetLong("http.response.status_code"));
        Assert.Null(garbage.GetString("http.request.method"));
        var tls = Assert.Single(documents, d => d.GetString("message")!.Contains("\\x16\\x03\\x01", StringComparison.Ordinal));
        Assert.Null(tls.GetString("url.original"));
    }

    [Fact]
    public void Parse_DurationAndVhostLogs_CarryDurationAndVirtualHost()
    {
        Assert.All(logs.Parse("apache-duration.log", "apache.access"), d => Assert.True(d.GetLong("event.duration") > 0));
        Assert.All(logs.Parse("apache-vhost.log", "apache.access"), d => Assert.Equal("localhost", d.GetString("destination.domain")));
        Assert.Contains(logs.Parse("apache-common.log", "apache.access"), d => d.GetString("http.request.method") == "HEAD" && d.GetLong("http.response.body.bytes") is null);
    }

    [Fact]
    public void Parse_ErrorLog_EveryLineParsedAndMissingPagesReported()
    {
        var documents = logs.Parse("apache-error.log", "apache.error");

        ParsedAssert.AllParsed(documents, "apache-error.log");
        var missing = documents.Where(d => d.GetString("error.code") == "AH00128").ToList();
        Assert.Equal(logs.Manifest.Count(r => r[0] == "http" && r[4] == "/missing-page"), missing.Count);
        Assert.All(missing, d =>
        {
            Assert.Equal("127.0.0.1", d.GetString("source.ip"));
            Assert.True(d.GetLong("source.port") > 0);
            Assert.Equal("info", d.GetString("log.level"));
            Assert.Equal("core", d.GetString("apache.error.module"));
        });
        Assert.Contains(documents, d => d.GetString("error.code") == "AH00489" && d.GetLong("process.pid") > 0);
    }
}
