using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Tests.Formats;

/// <summary>A line that fails after a partial match leaves the caller's fields and time as they were.</summary>
public sealed class FailureContractTests
{
    private static readonly FormatLibrary Library = new(new ParserOptions { DefaultTimeZone = TimeZoneInfo.Utc, Clock = FixedClock.Default });

    [Theory]
    [InlineData("haproxy.log", "Nov 22 08:00:00 web1 cron[5]: 10.0.0.1:4000 [22/Nov/2026:08:00:00.000] fe be/s 1/2 oops")]
    [InlineData("syslog", "<999>Nov 22 08:00:00 web1 app: bad priority")]
    [InlineData("apache.error", "[Sun Nov 31 08:00:00 2026] [error] [client 10.0.0.1] impossible day")]
    [InlineData("mysql.slowlog", "SELECT 1;")]
    [InlineData("apache.access", "10.0.0.1 - - [22/Nov/2026:08:00:00 +0000] \"GET / HTTP/1.1\" 2x0 5")]
    public void Parse_FailsAfterPartialMatch_CallerFieldsAndTimeKept(string dataset, string line)
    {
        var ingested = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var document = new EcsDocument { Timestamp = ingested };
        document.Set("host.name", "shipper-host");

        var parsed = Library.Parse(dataset, line, document);

        Assert.False(parsed);
        Assert.Equal(ingested, document.Timestamp);
        Assert.Equal(["host.name", "event.dataset", "message", "event.original"], document.Fields.Select(f => f.Key));
        Assert.Equal([Unparsed.FailureTag], document.Tags);
    }
}
