using LogPipeline.Shipper.Tailing;

namespace LogPipeline.Shipper.Tests.Tailing;

public sealed class GlobTests
{
    [Theory]
    [InlineData("/var/log/apache2/access.log", "/var/log/apache2/access.log", true)]
    [InlineData("/var/log/apache2/access.log", "/var/log/apache2/access.log.1", false)]
    [InlineData("/var/log/*.log", "/var/log/syslog.log", true)]
    [InlineData("/var/log/*.log", "/var/log/journal/system.log", false)]
    [InlineData("/var/log/*/access.log", "/var/log/site1/access.log", true)]
    [InlineData("/var/log/*/access.log", "/var/log/site1/error.log", false)]
    [InlineData("/var/log/**/*.log", "/var/log/a.log", true)]
    [InlineData("/var/log/**/*.log", "/var/log/a/b/c.log", true)]
    [InlineData("/var/log/**/*.log", "/var/log/a/b/c.txt", false)]
    [InlineData("/var/log/*.log", "/srv/other/x.log", false)]
    public void Matches_Path_TellsWhetherThePatternMatchesIt(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new Glob(pattern).Matches(path));

    [Theory]
    [InlineData("/var/log/*/access.log", "/var/log/site1", true)]
    [InlineData("/var/log/*/access.log", "/var/log/site1/access.log", true)]
    [InlineData("/var/log/*/access.log", "/var/log/site1/error.log", false)]
    [InlineData("/var/log/*.log", "/var/log/data", false)]
    [InlineData("/var/log/*.log", "/var/log/data/x.log", false)]
    [InlineData("/var/log/**/*.log", "/var/log/data/new-dir", true)]
    public void MatchesOrLeadsTo_DirectoryOnTheWay_IsTrueOnlyWhereTheWalkWouldGo(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new Glob(pattern).MatchesOrLeadsTo(path));

    [Theory]
    [InlineData("/var/log/apache2/access.log", false)]
    [InlineData("/var/log/*.log", false)]
    [InlineData("/var/log/*/access.log", true)]
    [InlineData("/var/log/**/*.log", true)]
    public void SpansDirectories_Pattern_TrueOnlyWithAWildcardDirectory(string pattern, bool expected) =>
        Assert.Equal(expected, new Glob(pattern).SpansDirectories);
}
