using LogPipeline.QueryUi.Api;

namespace LogPipeline.QueryUi.Tests.Search;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Line_Cell_QuotedAndFormulaDefused(string value, string expected) =>
        Assert.Equal(expected + "\r\n", CsvText.Line([value]));
}
