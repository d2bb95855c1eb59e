using LogPipeline.Shipper.Forwarding;

namespace LogPipeline.Shipper.Tests.Forwarding;

public sealed class BackoffTests
{
    private readonly Backoff _backoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(42));

    [Theory]
    [InlineData(0, 50, 100)]
    [InlineData(3, 400, 800)]
    [InlineData(20, 2500, 5000)]
    public void Delay_Attempt_GrowsExponentiallyWithJitterUpToCap(int attempt, double minMs, double maxMs)
    {
        for (var i = 0; i < 50; i++)
        {
            var ms = _backoff.Delay(attempt, null).TotalMilliseconds;
            Assert.InRange(ms, minMs, maxMs);
        }
    }

    [Fact]
    public void Delay_RetryAfterLongerThanBackoff_IsHonoured()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), _backoff.Delay(0, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Delay_HugeRetryAfter_IsCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), _backoff.Delay(0, TimeSpan.FromHours(1)));
    }
}
