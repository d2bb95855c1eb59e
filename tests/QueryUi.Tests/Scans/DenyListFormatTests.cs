using LogPipeline.QueryUi.Scans;

namespace LogPipeline.QueryUi.Tests.Scans;

public sealed class DenyListFormatTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static readonly (string, long)[] Offenders = [("203.0.113.66", 35), ("2001:DB8::7", 4), ("<script>alert(1)</script>", 9), ("203.0.113.66", 1)];

    [Theory]
    [InlineData("txt", "203.0.113.66\n2001:db8::7\n")]
    [InlineData("nginx", "deny 203.0.113.66;\ndeny 2001:db8::7;\n")]
    [InlineData("haproxy", "\n203.0.113.66\n2001:db8::7\n")]
    [InlineData("apache", "    Require not ip 203.0.113.66\n    Require not ip 2001:db8::7\n</RequireAll>\n")]
    [InlineData("fail2ban", "2026-11-22T08:00:00Z logpipeline offender 203.0.113.66 hits=35\n2026-11-22T08:00:00Z logpipeline offender 2001:db8::7 hits=4\n")]
    public void Write_EachFormat_ListsOnlyValidAddressesCanonicallyAndOnce(string format, string expectedEnd)
    {
        var text = DenyListFormat.Write(format, Offenders, Now);

        Assert.EndsWith(expectedEnd, text, StringComparison.Ordinal);
        Assert.DoesNotContain("script", text, StringComparison.Ordinal);
    }
}
