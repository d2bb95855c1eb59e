using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Grok;

namespace LogPipeline.Parsers.Tests.Grok;

public sealed class GrokFormatTests
{
    [Fact]
    public void Parse_CatastrophicBacktracking_LineKeptAndTaggedWithinBudget()
    {
        var options = new ParserOptions { GrokMatchBudget = TimeSpan.FromMilliseconds(50) };
        var pattern = GrokPatternLibrary.CreateDefault().Compile(@"^(?<x>(\w+\s?)+)$", options).Pattern!;
        var format = new GrokFormat("custom", [pattern]);
        var line = string.Concat(Enumerable.Repeat("word ", 40)) + "!";
        var document = new EcsDocument();

        var parsed = format.Parse(line, document);

        Assert.False(parsed);
        Assert.Equal(line, document.GetString("message"));
        Assert.Equal(line, document.GetString("event.original"));
        Assert.Contains(GrokFormat.TimeoutTag, document.Tags);
        Assert.Contains(Unparsed.FailureTag, document.Tags);
    }

    [Fact]
    public void Parse_SeveralPatterns_FirstMatchWins()
    {
        var library = GrokPatternLibrary.CreateDefault();
        var format = new GrokFormat("custom", [library.Compile("^%{INT:n:int}$").Pattern!, library.Compile("^%{WORD:w}$").Pattern!]);
        var document = new EcsDocument();

        Assert.True(format.Parse("hello\r", document));
        Assert.Equal("hello", document.GetString("w"));
        Assert.Equal("hello", document.GetString("message"));
        Assert.Empty(document.Tags);
    }
}
