using LogPipeline.QueryUi.Security;

namespace LogPipeline.QueryUi.Tests.Security;

public sealed class PasswordHashTests
{
    [Fact]
    public void Verify_RightAndWrongPassword()
    {
        var hash = PasswordHash.Create("hunter2hunter2", 1000);

        Assert.True(PasswordHash.Verify("hunter2hunter2", hash));
        Assert.False(PasswordHash.Verify("hunter2hunter3", hash));
        Assert.NotEqual(hash, PasswordHash.Create("hunter2hunter2", 1000));
    }

    [Theory]
    [InlineData("hunter2")]
    [InlineData("pbkdf2-sha256$10$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$600000$not base64$AAAA")]
    [InlineData("md5$1$a$b")]
    public void IsWellFormed_Malformed_False(string text) => Assert.False(PasswordHash.IsWellFormed(text));

    [Theory]
    [InlineData("http://127.0.0.1:5081", null)]
    [InlineData("http://localhost:5081;http://[::1]:5081", null)]
    [InlineData("http://127.0.0.1:5081;http://0.0.0.0:5081", "http://0.0.0.0:5081")]
    [InlineData("http://+:80", "http://+:80")]
    public void FirstNonLoopback_FindsTheExposedUrl(string urls, string? expected) => Assert.Equal(expected, ListenAddresses.FirstNonLoopback(urls));

    [Theory]
    [InlineData("/hosts?tz=UTC", "/hosts?tz=UTC")]
    [InlineData("//evil.example", "/search")]
    [InlineData("/\\evil.example", "/search")]
    [InlineData("https://evil.example", "/search")]
    [InlineData(null, "/search")]
    public void SafeReturn_OnlyLocalPaths(string? returnUrl, string expected) => Assert.Equal(expected, LoginEndpoints.SafeReturn(returnUrl));
}
