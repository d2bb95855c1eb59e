using LogPipeline.Ingest.Detection;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class TimeExpressionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("now", "2026-11-22T09:30:00Z")]
    [InlineData("now-7d", "2026-11-15T09:30:00Z")]
    [InlineData("now-90m", "2026-11-22T08:00:00Z")]
    [InlineData("now-2w", "2026-11-08T09:30:00Z")]
    [InlineData("now+30s", "2026-11-22T09:30:30Z")]
    [InlineData("2026-11-02", "2026-11-02T00:00:00Z")]
    [InlineData("2026-11-02T08:00:00", "2026-11-02T08:00:00Z")]
    [InlineData("2026-11-02T10:00:00+02:00", "2026-11-02T08:00:00Z")]
    public void TryParse_AcceptedForms_Value(string text, string expected)
    {
        Assert.True(TimeExpression.TryParse(text, Now, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("now-7")]
    [InlineData("now-7y")]
    [InlineData("")]
    public void TryParse_Nonsense_False(string text) => Assert.False(TimeExpression.TryParse(text, Now, out _));
}
