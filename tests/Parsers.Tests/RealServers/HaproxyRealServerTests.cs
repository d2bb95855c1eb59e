namespace LogPipeline.Parsers.Tests.RealServers;

[Collection(RealServerCollection.Name)]
public sealed class HaproxyRealServerTests(RealServerLogs logs)
{
    [Theory]
    [InlineData("haproxy.log")]
    [InlineData("haproxy-iso.log")]
    [InlineData("haproxy-rfc5424.log")]
    public void Parse_EverySyslogShape_EveryLineParsed(string file) =>
        ParsedAssert.AllParsed(logs.Parse(file, "haproxy.log"), file);

    [Theory]
    [InlineData("haproxy.log")]
    [InlineData("haproxy-rfc5424.log")]
    public void Parse_HttpLog_EveryProxiedRequestHasTheValuesSent(string file)
    {
        var documents = logs.Parse(file, "haproxy.log");
        foreach (var row in logs.Requests("haproxy"))
        {
            var doc = ParsedAssert.ByMarker(documents, row[1]);
            Assert.Equal(row[3], doc.GetString("http.request.method"));
            Assert.Equal(row[4], doc.GetString("url.path"));
            Assert.Equal(long.Parse(row[7]), doc.GetLong("http.response.status_code"));
            Assert.Equal("fe_http", doc.GetString("haproxy.frontend_name"));
            Assert.Equal(row[7] == "503" ? "be_empty" : "be_apache", doc.GetString("haproxy.backend_name"));
            Assert.Equal(row[7] == "503" ? "<NOSRV>" : "apache1", doc.GetString("haproxy.server_name"));
            Assert.Equal(row[7] == "503" ? "SC--" : "----", doc.GetString("haproxy.termination_state"));
            Assert.Equal(row[8].Replace("\"", "#22", StringComparison.Ordinal), doc.GetString("haproxy.http.request.captured_headers")!.Split('|')[1]);
            Assert.Equal("127.0.0.1", doc.GetString("source.ip"));
            Assert.True(doc.GetLong("event.duration") >= 0);
            Assert.Equal(1, doc.GetLong("haproxy.connections.frontend"));
            Assert.Equal(0, doc.GetLong("haproxy.backend_queue"));
        }
    }

    [Fact]
    public void Parse_TcpDefaultAndBadRequestLines_Recognised()
    {
        var documents = logs.Parse("haproxy.log", "haproxy.log");

        var tcp = Assert.Single(documents, d => d.GetString("haproxy.frontend_name") == "fe_tcp");
        Assert.Equal("be_apache_tcp", tcp.GetString("haproxy.backend_name"));
        Assert.True(tcp.GetLong("haproxy.bytes_read") > 0);
        var plain = Assert.Single(documents, d => d.GetString("haproxy.frontend_name") == "fe_plain");
        Assert.Equal("TCP", plain.GetString("haproxy.mode"));
        var bad = Assert.Single(documents, d => d.GetString("haproxy.http.request.raw_request_line") == "<BADREQ>");
        Assert.Equal("<NOSRV>", bad.GetString("haproxy.server_name"));
        Assert.Equal("haproxy", bad.GetString("process.name"));
    }
}
