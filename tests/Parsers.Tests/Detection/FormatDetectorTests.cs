using LogPipeline.Parsers.Detection;

namespace LogPipeline.Parsers.Tests.Detection;

public sealed class FormatDetectorTests
{
    private static readonly FormatLibrary Library = new(new ParserOptions { DefaultTimeZone = TimeZoneInfo.Utc, Clock = FixedClock.Default });

    [Theory]
    [InlineData("10.0.0.1 - - [22/Nov/2026:09:00:00 +0000] \"GET / HTTP/1.1\" 200 1", "apache.access")]
    [InlineData("[Sun Nov 22 09:00:01 2026] [error] [client 10.0.0.1] File does not exist: /x", "apache.error")]
    [InlineData("2026/11/22 09:00:02 [warn] 1#1: something", "nginx.error")]
    [InlineData("2026-11-22T09:00:03.000001Z 0 [Note] InnoDB: started", "mysql.error")]
    [InlineData("# Time: 2026-11-22T09:00:00.000001Z", "mysql.slowlog")]
    [InlineData("# User@Host: root[root] @ localhost []", "mysql.slowlog")]
    [InlineData("<134>1 2026-11-22T09:00:04Z lb haproxy 7 - - 10.0.0.1:4000 [22/Nov/2026:09:00:04.000] fe be/s 1/0/5 10 -- 1/1/1/1/0 0/0", "haproxy.log")]
    [InlineData("Nov 22 09:00:05 lb haproxy[7]: Connect from 10.0.0.1:4000 to 10.0.0.2:80 (fe/TCP)", "haproxy.log")]
    [InlineData("Nov 22 09:00:05 host1 sshd[5]: Accepted publickey for deploy", "syslog")]
    public void Detect_TypicalLine_NamesItsDataset(string line, string expected) =>
        Assert.Equal(expected, FormatDetector.Detect(Library, line));

    [Fact]
    public void Detect_Unrecognisable_ReturnsNull() =>
        Assert.Null(FormatDetector.Detect(Library, "plain words"));

    [Fact]
    public void Parse_AutoDataset_SetsDetectedDataset()
    {
        var document = Library.Parse("auto", "2026/11/22 09:00:02 [warn] 1#1: something");

        Assert.Equal("nginx.error", document.GetString("event.dataset"));
        Assert.Equal("warn", document.GetString("log.level"));
    }

    [Fact]
    public void Parse_AutoDatasetNothingMatches_KeptWholeAndTagged()
    {
        var document = Library.Parse("auto", "plain words\r\n");

        Assert.Equal("auto", document.GetString("event.dataset"));
        Assert.Equal("plain words", document.GetString("event.original"));
        Assert.Equal([Unparsed.FailureTag], document.Tags);
    }

    [Fact]
    public void Parse_UnknownDataset_KeptWholeAndTagged()
    {
        var document = Library.Parse("postgres.log", "LOG: hello");

        Assert.Equal("postgres.log", document.GetString("event.dataset"));
        Assert.Equal("LOG: hello", document.GetString("message"));
        Assert.Contains(Unparsed.FailureTag, document.Tags);
    }
}
