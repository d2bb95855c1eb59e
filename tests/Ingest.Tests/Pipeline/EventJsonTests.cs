using System.Text;
using LogPipeline.Ingest.Pipeline;

namespace LogPipeline.Ingest.Tests.Pipeline;

public sealed class EventJsonTests
{
    [Fact]
    public void TryRead_AllFieldsInAnyOrder_EventRead()
    {
        var ok = Read("""{"tags":["a","b"],"offset":42,"fields":{"service.name":"shop"},"message":"GET / \"x\"","file":"/var/log/a.log","dataset":"apache.access","host":"web1","id":"abc-1_2","fingerprint":"ff","extra":{"deep":[1,{"x":null}]}}""", out var e, out var error);

        Assert.True(ok, error);
        Assert.Equal(("abc-1_2", "web1", "apache.access", "GET / \"x\"", "/var/log/a.log", "ff", 42L), (e!.Id, e.Host, e.Dataset, e.Message, e.File, e.Fingerprint, e.Offset));
        Assert.Equal([new("service.name", "shop")], e.Fields);
        Assert.Equal(["a", "b"], e.Tags);
        Assert.False(e.InvalidUtf8);
    }

    [Fact]
    public void TryRead_PropertyGivenTwice_LastValueKept()
    {
        Assert.True(Read("""{"id":"a","host":"h1","dataset":"d","message":"m","host":"h2"}""", out var e, out _));

        Assert.Equal("h2", e!.Host);
    }

    [Theory]
    [InlineData("""{"host":"h","dataset":"d","message":"m","fields":{"bad name":"x"}}""", "field 'id' is required and must be a non-empty string")]
    [InlineData("""{"id":"a","host":"","dataset":"d","message":"m"}""", "field 'host' is required and must be a non-empty string")]
    [InlineData("""{"id":"a","host":"h","dataset":7,"message":"m"}""", "field 'dataset' is required and must be a non-empty string")]
    [InlineData("""{"id":"a/b","host":"h","dataset":"d","message":"m"}""", "field 'id' must be 1-128 characters of A-Z, a-z, 0-9, '-' or '_'")]
    [InlineData("""{"id":"a","host":"h","dataset":"d"}""", "field 'message' (or 'message_base64') is required")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":["m"]}""", "field 'message' must be a string")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message_base64":"!!"}""", "field 'message_base64' is not valid base64")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m","file":1}""", "field 'file' must be a string")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m","offset":-1}""", "field 'offset' must be a whole number >= 0")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m","offset":1.5}""", "field 'offset' must be a whole number >= 0")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m","fields":{"ok":"1","x..y":"2"}}""", "fields.x..y: names are dotted identifiers and values strings")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m","fields":{"ok":1}}""", "fields.ok: names are dotted identifiers and values strings")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m","tags":["a",1]}""", "field 'tags' must be an array of strings")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m","tags":"a"}""", "field 'tags' must be an array of strings")]
    [InlineData("""["id","a"]""", "an event must be a JSON object")]
    public void TryRead_BadEvent_NamesTheFirstBadField(string line, string expected)
    {
        Assert.False(Read(line, out var e, out var error));

        Assert.Null(e);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m"} x""")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m"}{}""")]
    [InlineData("""{"id":"a","host":"h","dataset":"d","message":"m" """)]
    [InlineData("""{"id":"a","x":[[[[[[[[[1]]]]]]]]],"host":"h","dataset":"d","message":"m"}""")]
    [InlineData("""[1""")]
    public void TryRead_MalformedOrTooDeep_NotValidJson(string line)
    {
        Assert.False(Read(line, out _, out var error));

        Assert.StartsWith("not valid JSON (", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_InvalidUtf8InsideAString_RefusedNamingMessageBase64()
    {
        var line = Encoding.UTF8.GetBytes("""{"id":"a","host":"h","dataset":"d","message":"X"}""");
        line[^3] = 0xC3;

        Assert.False(EventJson.TryRead(line, out _, out var error));

        Assert.Contains("message_base64", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_Base64Message_KeptExactlyAndMarked()
    {
        Assert.True(Read("""{"id":"a","host":"h","dataset":"d","message_base64":"YWL/Yw=="}""", out var e, out _));

        Assert.True(e!.InvalidUtf8);
        Assert.Equal("YWL/Yw==", e.OriginalBase64);
        Assert.Equal("ab\uFFFDc", e.Message);
    }

    [Fact]
    public void TryRead_RepeatedHostSpelledDifferently_EachReadExactly()
    {
        var repeated = new RepeatedStrings();

        Assert.True(EventJson.TryRead("""{"id":"a","host":"web1","dataset":"d","message":"m"}"""u8, repeated, out var first, out _));
        Assert.True(EventJson.TryRead("""{"id":"b","host":"web\u0031","dataset":"d","message":"m"}"""u8, repeated, out var escaped, out _));
        Assert.True(EventJson.TryRead("""{"id":"c","host":"web2","dataset":"d","message":"m"}"""u8, repeated, out var other, out _));
        Assert.True(EventJson.TryRead("""{"id":"d","host":"web1","dataset":"d","message":"m"}"""u8, repeated, out var again, out _));

        Assert.Equal(["web1", "web1", "web2", "web1"], new[] { first!.Host, escaped!.Host, other!.Host, again!.Host });
        Assert.Same(first.Host, again.Host);
    }

    private static bool Read(string line, out IncomingEvent? incoming, out string? error) =>
        EventJson.TryRead(Encoding.UTF8.GetBytes(line), out incoming, out error);
}
