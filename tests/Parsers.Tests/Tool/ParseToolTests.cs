using System.Text.Json;
using LogPipeline.Parsers.Tool;

namespace LogPipeline.Parsers.Tests.Tool;

public sealed class ParseToolTests
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private int Run(string stdin, params string[] args) =>
        ParseTool.Run(args, OpenFile, new StringReader(stdin), _stdout, _stderr, FixedClock.Default);

    private TextReader OpenFile(string path) =>
        _files.TryGetValue(path, out var text) ? new StringReader(text) : throw new FileNotFoundException($"Could not find file '{path}'.");

    private List<JsonElement> Documents() =>
        [.. _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void Run_PatternOnStdin_PrintsOneTypedDocumentPerLine()
    {
        var exit = Run("GET 200 0.5\nPOST 404 1.25\n", "--pattern", "%{WORD:http.request.method} %{INT:http.response.status_code:int} %{NUMBER:took:float}");

        Assert.Equal(0, exit);
        var docs = Documents();
        Assert.Equal(2, docs.Count);
        Assert.Equal("POST", docs[1].GetProperty("http").GetProperty("request").GetProperty("method").GetString());
        Assert.Equal(404, docs[1].GetProperty("http").GetProperty("response").GetProperty("status_code").GetInt32());
        Assert.Equal(1.25, docs[1].GetProperty("took").GetDouble());
        Assert.Equal("grok", docs[0].GetProperty("event").GetProperty("dataset").GetString());
    }

    [Fact]
    public void Run_LineThatDoesNotMatch_PrintedTaggedAndExitZero()
    {
        var exit = Run("fine 1\nnot matching\n", "-p", "^%{WORD:w} %{INT:n:int}$");

        Assert.Equal(0, exit);
        var failed = Documents()[1];
        Assert.Equal("_grokparsefailure", failed.GetProperty("tags")[0].GetString());
        Assert.Equal("not matching", failed.GetProperty("event").GetProperty("original").GetString());
    }

    [Fact]
    public void Run_UnknownPatternName_ExitTwoAndNamesPatternAndPosition()
    {
        var exit = Run(string.Empty, "--pattern", "%{IP:ip} %{NOSUCH:x}");

        Assert.Equal(2, exit);
        Assert.Contains("unknown pattern 'NOSUCH' at position 9", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _stdout.ToString());
    }

    [Fact]
    public void Run_PatternFile_DefinitionsUsableInPattern()
    {
        _files["my.grok"] = "TICKET T-%{POSINT}\n";

        var exit = Run("opened T-42\n", "--pattern-file", "my.grok", "--pattern", "opened %{TICKET:ticket.id}");

        Assert.Equal(0, exit);
        Assert.Equal("T-42", Documents()[0].GetProperty("ticket").GetProperty("id").GetString());
    }

    [Fact]
    public void Run_InlineDefinition_UsableInPattern()
    {
        var exit = Run("user=bob\n", "--define", "KEYVAL %{WORD}=%{WORD:value}", "-p", "%{KEYVAL}");

        Assert.Equal(0, exit);
        Assert.Equal("bob", Documents()[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Run_FormatAndFile_FramesMultiLineRecords()
    {
        _files["slow.log"] = "# Time: 261122  9:00:00\n# User@Host: a[a] @ localhost []\n# Query_time: 1.5  Lock_time: 0.0 Rows_sent: 1  Rows_examined: 2\nSET timestamp=1795338000;\nSELECT 1\nFROM dual;\n";

        var exit = Run(string.Empty, "--format=mysql.slowlog", "slow.log");

        Assert.Equal(0, exit);
        var doc = Assert.Single(Documents());
        Assert.Equal("SELECT 1\nFROM dual;", doc.GetProperty("mysql").GetProperty("slowlog").GetProperty("query").GetString());
        Assert.Equal(1_500_000_000, doc.GetProperty("event").GetProperty("duration").GetInt64());
    }

    [Fact]
    public void Run_Pretty_IndentsDocuments()
    {
        Run("x\n", "--pretty", "-p", "%{WORD:w}");

        Assert.Contains("\n  \"message\": \"x\"", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--format" }, "--format needs a value")]
    [InlineData(new[] { "--format", "nope" }, "unknown format 'nope'")]
    [InlineData(new[] { "a.log", "b.log" }, "one input file at most")]
    [InlineData(new[] { "missing.log" }, "cannot read 'missing.log'")]
    [InlineData(new[] { "--pattern-file", "missing.grok", "-p", "x" }, "cannot read pattern file 'missing.grok'")]
    [InlineData(new[] { "--timezone", "Mars/Olympus" }, "--timezone 'Mars/Olympus' is not a known time zone")]
    [InlineData(new[] { "-p", "%{INT:n:number}" }, "unknown type 'number'")]
    [InlineData(new[] { "--define", "bad-name x", "-p", "x" }, "bad definition: --define:1: expected 'NAME regex'")]
    public void Run_BadArguments_ExitTwoWithMessageNamingThem(string[] args, string expected)
    {
        var exit = Run(string.Empty, args);

        Assert.Equal(2, exit);
        Assert.Contains(expected, _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: ingest parse", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_PrintsUsageExitZero()
    {
        Assert.Equal(0, Run(string.Empty, "--help"));
        Assert.StartsWith("usage: ingest parse", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TimezoneOffset_AppliesToZonelessStamps()
    {
        Run("2026/11/22 10:00:00 [error] 1#1: boom\n", "--format", "nginx.error", "--timezone", "-05:00");

        Assert.Equal("2026-11-22T15:00:00Z", Documents()[0].GetProperty("@timestamp").GetString());
    }
}
