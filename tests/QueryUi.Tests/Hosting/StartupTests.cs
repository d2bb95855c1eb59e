using LogPipeline.QueryUi.Hosting;
using LogPipeline.QueryUi.Security;

namespace LogPipeline.QueryUi.Tests.Hosting;

public sealed class StartupTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5081")]
    [InlineData("http://*:5081")]
    [InlineData("http://127.0.0.1:5081;http://192.0.2.10:5081")]
    public void Build_NoLoginAndNonLoopbackUrl_RefusesWithTheReason(string urls)
    {
        var errors = new StringWriter();

        var app = QueryUiService.Build(["--urls", urls, "--data-dir", Path.GetTempPath()], errors);

        Assert.Null(app);
        Assert.Contains("serves loopback only", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MalformedPasswordHash_NamesTheKey()
    {
        var config = Path.GetTempFileName();
        File.WriteAllText(config, """{"QueryUi": {"AdminPasswordHash": "plaintext"}}""");
        var errors = new StringWriter();

        var app = QueryUiService.Build(["--config", config, "--data-dir", Path.GetTempPath()], errors);

        File.Delete(config);
        Assert.Null(app);
        Assert.Contains("QueryUi:AdminPasswordHash", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HashPassword_PrintsAHashThatVerifies()
    {
        var output = new StringWriter();

        var code = HashPasswordCommand.Run(new StringReader("correct horse battery\n"), output, TextWriter.Null);

        Assert.Equal(0, code);
        var hash = output.ToString().Trim();
        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify("correct horse battery", hash));
        Assert.False(PasswordHash.Verify("correct horse batterY", hash));
    }

    [Fact]
    public void HashPassword_ShortPassword_Refused()
    {
        var errors = new StringWriter();

        Assert.Equal(2, HashPasswordCommand.Run(new StringReader("short\n"), TextWriter.Null, errors));
        Assert.Contains("at least 8", errors.ToString(), StringComparison.Ordinal);
    }
}
