using LogPipeline.QueryUi.Scans;

namespace LogPipeline.QueryUi.Tests.Scans;

public sealed class LoginRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FindSuccess_302AfterFailedPosts_FlagsTheFirst302WithTheFailureCount()
    {
        var flag = LoginRule.FindSuccess(Attempts(200, 200, 200, 302, 302));

        Assert.NotNull(flag);
        Assert.Equal(302, flag.Status);
        Assert.Equal(3, flag.FailuresBefore);
        Assert.Equal(T0.AddSeconds(3), flag.Time);
    }

    [Fact]
    public void FindSuccess_302WithoutEarlierFailure_IsAnOrdinaryLogin() => Assert.Null(LoginRule.FindSuccess(Attempts(302, 302)));

    [Fact]
    public void FindSuccess_Only200s_AreFailuresNotSuccess() => Assert.Null(LoginRule.FindSuccess(Attempts(200, 200, 200)));

    [Fact]
    public void FindSuccess_200AfterErrorStatuses_Flagged()
    {
        var flag = LoginRule.FindSuccess(Attempts(403, 403, 429, 200));

        Assert.NotNull(flag);
        Assert.Equal(200, flag.Status);
        Assert.Equal(3, flag.FailuresBefore);
    }

    private static IEnumerable<LoginAttempt> Attempts(params int[] statuses) =>
        statuses.Select((s, i) => new LoginAttempt(T0.AddSeconds(i), "web1", s));
}
