using System.Text;

namespace LogPipeline.Parsers.Tests.Formats;

/// <summary>Every format, every hostile input: no exception, nothing lost, and a failure is tagged.</summary>
public sealed class HostileInputTests
{
    private static readonly FormatLibrary Library = new(new ParserOptions { DefaultTimeZone = TimeZoneInfo.Utc, Clock = FixedClock.Default });

    public static TheoryData<string, string> Cases()
    {
        string[] inputs = ["invalid-utf8", "nul", "crlf", "64k-garbage", "64k-brackets", "64k-quotes", "64k-slowlog", "only-newlines", "empty"];
        var data = new TheoryData<string, string>();
        foreach (var dataset in Library.Datasets.Append("auto"))
        {
            foreach (var name in inputs)
            {
                data.Add(dataset, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_HostileInput_KeptAndTaggedOrParsed(string dataset, string input)
    {
        var text = Input(input);

        var document = new LogPipeline.Parsers.Ecs.EcsDocument();
        var parsed = Library.Parse(dataset, text, document);

        Assert.NotNull(document.GetString("message"));
        if (!parsed)
        {
            Assert.Contains(Unparsed.FailureTag, document.Tags);
            Assert.Equal(text.TrimEnd('\r', '\n'), document.GetString("event.original"));
        }

        // Every document serialises, whatever characters it holds.
        Assert.StartsWith("{", document.ToJson(), StringComparison.Ordinal);
    }

    private static string Input(string name) => name switch
    {
        "invalid-utf8" => Encoding.UTF8.GetString([0x31, 0x2e, 0xff, 0xfe, 0xc3, 0x20, 0x5b, 0x00]),
        "nul" => "10.0.0.1 - - [22/Nov/2026:08:00:00 +0000] \"GET /\0 HTTP/1.1\" 200 1\0",
        "crlf" => "Nov 22 08:00:00 h p[1]: x\r\n",
        "64k-garbage" => new string('%', 64 * 1024),
        "64k-brackets" => string.Concat(Enumerable.Repeat("[a] ", 16 * 1024)),
        "64k-quotes" => "1.2.3.4 - - [22/Nov/2026:08:00:00 +0000] \"" + string.Concat(Enumerable.Repeat("\\\"", 32 * 1024)),
        "64k-slowlog" => "# Time: 261122  8:00:00\n" + string.Concat(Enumerable.Repeat("# Query_time: ", 4 * 1024)),
        "only-newlines" => "\n\n\r\n",
        _ => string.Empty,
    };
}
