using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Grok;

namespace LogPipeline.Parsers.Tests.Grok;

public sealed class GrokPatternLibraryTests
{
    private static readonly ParserOptions Utc = new() { DefaultTimeZone = TimeZoneInfo.Utc, Clock = FixedClock.Default, GrokMatchBudget = TimeSpan.FromSeconds(30) };

    private static GrokPattern Compile(string expression, GrokPatternLibrary? library = null)
    {
        var result = (library ?? GrokPatternLibrary.CreateDefault()).Compile(expression, Utc);
        Assert.True(result.Success, result.Error?.Message);
        return result.Pattern!;
    }

    private static EcsDocument Match(string expression, string text, GrokMatchOutcome expected = GrokMatchOutcome.Matched)
    {
        var document = new EcsDocument();
        Assert.Equal(expected, Compile(expression).Match(text, document));
        return document;
    }

    [Fact]
    public void Compile_UnknownPattern_ErrorNamesPatternAndPosition()
    {
        var result = GrokPatternLibrary.CreateDefault().Compile("%{IP:source.ip} %{NOPE:x}");

        Assert.False(result.Success);
        Assert.Equal(16, result.Error!.Position);
        Assert.Contains("unknown pattern 'NOPE' at position 16", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownPatternInsideDefinition_ErrorNamesTheDefinition()
    {
        var library = GrokPatternLibrary.CreateDefault();
        library.Define("OUTER", "x%{MISSING}");

        var result = library.Compile("a %{OUTER:o}");

        Assert.Contains("unknown pattern 'MISSING' at position 2 (referenced by the definition of OUTER)", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%{NUMBER:n:integer}", "unknown type 'integer'")]
    [InlineData("%{IP:a", "is not closed")]
    [InlineData("%{I-P:a}", "a pattern name is letters")]
    [InlineData("%{IP:a} (unclosed", "not a valid regular expression")]
    public void Compile_BadExpression_ErrorSaysWhy(string expression, string expected)
    {
        var result = GrokPatternLibrary.CreateDefault().Compile(expression);

        Assert.False(result.Success);
        Assert.Contains(expected, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SelfReference_ErrorInsteadOfOverflow()
    {
        var library = new GrokPatternLibrary();
        library.Define("LOOP", "a%{LOOP}");

        Assert.Contains("refers to itself", library.Compile("%{LOOP}").Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_TypeSuffixes_WriteTypedValues()
    {
        var doc = Match("%{INT:a:int} %{NUMBER:b:float} %{WORD:c:bool} %{NUMBER:d:long} %{WORD:e}", "42 2.5 true 7 word");

        Assert.Equal(EcsValue.From(42L), Value(doc, "a"));
        Assert.Equal(EcsValue.From(2.5), Value(doc, "b"));
        Assert.Equal(EcsValue.From(true), Value(doc, "c"));
        Assert.Equal(EcsValue.From(7L), Value(doc, "d"));
        Assert.Equal("word", doc.GetString("e"));
    }

    [Fact]
    public void Match_InlineAndBracketNames_BecomeDottedFields()
    {
        var doc = Match(@"(?<user.name>\w+) %{IP:[source][ip]} (?<[http][request][method]>[A-Z]+)", "alice 10.1.2.3 GET");

        Assert.Equal("alice", doc.GetString("user.name"));
        Assert.Equal("10.1.2.3", doc.GetString("source.ip"));
        Assert.Equal("GET", doc.GetString("http.request.method"));
    }

    [Fact]
    public void Match_EmptyOptionalCapture_IsLeftOut()
    {
        var doc = Match("%{WORD:a}(?: %{DATA:b})?$", "only");

        Assert.Equal("only", doc.GetString("a"));
        Assert.False(doc.TryGetValue("b", out _));
    }

    [Fact]
    public void Match_TimestampCapture_SetsEventTime()
    {
        var doc = Match(@"\[%{HTTPDATE:@timestamp}\]", "[22/Nov/2026:08:00:00 +0200]");

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), doc.Timestamp);
    }

    [Fact]
    public void DefineFrom_PatternFile_AddsDefinitionsAndReportsBadLines()
    {
        var library = GrokPatternLibrary.CreateDefault();

        var errors = library.DefineFrom("# comment\n\nORDERID ORD-%{POSINT}\r\nnot-a-name x\n", "orders.grok");
        var doc = new EcsDocument();
        var outcome = Compile("%{ORDERID:order.id}", library).Match("ORD-77", doc);

        Assert.Equal("orders.grok:4: expected 'NAME regex', got 'not-a-name x'", Assert.Single(errors).Message);
        Assert.Equal(GrokMatchOutcome.Matched, outcome);
        Assert.Equal("ORD-77", doc.GetString("order.id"));
    }

    [Theory]
    [InlineData("IP", "192.168.0.1")]
    [InlineData("IP", "2001:db8::8a2e:370:7334")]
    [InlineData("IP", "::ffff:10.0.0.1")]
    [InlineData("IP", "fe80::1%eth0")]
    [InlineData("IPORHOST", "db-1.example.com")]
    [InlineData("HTTPDATE", "22/Nov/2026:08:00:00 +0000")]
    [InlineData("TIMESTAMP_ISO8601", "2026-11-22T08:00:00.123456Z")]
    [InlineData("TIMESTAMP_ISO8601", "2026-11-22  8:00:00")]
    [InlineData("SYSLOGTIMESTAMP", "Nov  2 08:00:00")]
    [InlineData("URIPATHPARAM", "/wp-login.php?redirect_to=%2Fwp-admin%2F&reauth=1")]
    [InlineData("QS", "\"a \\\"quoted\\\" string\"")]
    [InlineData("LOGLEVEL", "Warning")]
    [InlineData("UUID", "123e4567-e89b-12d3-a456-426614174000")]
    public void BasePattern_TypicalValue_MatchesWhole(string name, string value)
    {
        var doc = Match($"^%{{{name}:v}}$", value);

        Assert.Equal(value, doc.GetString("v"));
    }

    [Theory]
    [InlineData("IPV4", "256.1.1.1")]
    [InlineData("IPV4", "1.2.3")]
    [InlineData("POSINT", "0")]
    [InlineData("IPV6", "1:2")]
    public void BasePattern_InvalidValue_DoesNotMatch(string name, string value) =>
        Match($"^%{{{name}}}$", value, GrokMatchOutcome.NoMatch);

    [Fact]
    public void CombinedApacheLog_Line_FillsEcsFields()
    {
        var doc = Match("%{COMBINEDAPACHELOG}", "10.0.0.1 - bob [22/Nov/2026:08:00:00 +0000] \"GET /a?b=1 HTTP/1.1\" 200 42 \"-\" \"curl/8.5.0\"");

        Assert.Equal("10.0.0.1", doc.GetString("source.address"));
        Assert.Equal("bob", doc.GetString("user.name"));
        Assert.Equal("GET", doc.GetString("http.request.method"));
        Assert.Equal("/a?b=1", doc.GetString("url.original"));
        Assert.Equal(200, doc.GetLong("http.response.status_code"));
        Assert.Equal("curl/8.5.0", doc.GetString("user_agent.original"));
        Assert.False(doc.TryGetValue("http.request.referrer", out _));
    }

    private static EcsValue Value(EcsDocument document, string field) =>
        document.TryGetValue(field, out var value) ? value : throw new Xunit.Sdk.XunitException($"{field} is missing");
}
