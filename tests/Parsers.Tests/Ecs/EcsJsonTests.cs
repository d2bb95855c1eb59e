using System.Globalization;
using System.Text.Json.Nodes;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Tests.Ecs;

public sealed class EcsJsonTests
{
    [Theory]
    [InlineData("2026-11-22T10:58:01.0000000+00:00")]
    [InlineData("2026-11-22T10:58:01.1000000+00:00")]
    [InlineData("2026-11-22T10:58:01.1234567+00:00")]
    [InlineData("2026-11-22T10:58:01.0000100+02:00")]
    [InlineData("0001-01-01T00:00:00.0000001+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999+00:00")]
    [InlineData("0987-03-04T05:06:07.0400000-07:30")]
    public void Format_AnyTime_SameTextAsTheFormatPattern(string time)
    {
        var value = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

        var expected = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

        Assert.Equal(expected, EcsTime.Format(value));
    }

    [Fact]
    public void ToJson_FieldsSharingPrefixes_NestedOnceEach()
    {
        var document = new EcsDocument { Timestamp = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero) };
        document.Set("url.path", "/a");
        document.Set("http.response.status_code", 404L);
        document.Set("message", "m");
        document.Set("http.request.method", "GET");
        document.Set("http.response.body.bytes", 12L);
        document.Set("http", "clash");
        document.Set("url.original", "/a?b");
        document.Set("httpx.y", true);
        document.Set("a.b.c.d", 1.5);
        document.AddTag("t");

        var json = document.ToJson();

        Assert.Equal(
            """{"@timestamp":"2026-11-22T10:00:00Z","a":{"b":{"c":{"d":1.5}}},"http":"clash","http":{"request":{"method":"GET"},"response":{"body":{"bytes":12},"status_code":404}},"httpx":{"y":true},"message":"m","url":{"original":"/a?b","path":"/a"},"tags":["t"]}""",
            json);
    }

    [Fact]
    public void ToJson_HugeFieldThenSmallDocument_BothComplete()
    {
        var big = new EcsDocument();
        big.Set("message", new string('x', 1_000_000));
        var small = new EcsDocument();
        small.Set("message", "\"quoted\" <b>");

        Assert.Equal(1_000_000, ((string)JsonNode.Parse(big.ToJson())!["message"]!).Length);
        Assert.Equal("""{"message":"\"quoted\" <b>"}""", small.ToJson());
    }
}
