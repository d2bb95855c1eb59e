using LogPipeline.QueryUi.Search;
using LogPipeline.Store.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LogPipeline.QueryUi.Tests.Search;

public sealed class SearchStateTests
{
    [Fact]
    public void ToUrl_FromQuery_RoundTripsEveryPart()
    {
        var state = new SearchState { Q = "status:>=500 AND host:\"app 2\"", From = "2026-11-22 03:05", To = "now-1m", Tz = "Europe/Paris", Columns = ["source.ip", "message"], Field = "host.name", Cursor = "c1", Live = true };

        var back = SearchState.FromQuery(Parse(state.ToUrl()));

        Assert.Equal(state.ToUrl(), back.ToUrl());
        Assert.Equal(["source.ip", "message"], back.Columns);
        Assert.True(back.Live);
    }

    [Fact]
    public void ToUrl_Defaults_LeavesThemOut() => Assert.Equal("/search", new SearchState().ToUrl());

    [Fact]
    public void FromQuery_BadColumnNames_AreDropped()
    {
        var state = SearchState.FromQuery(Parse("/search?cols=host.name,%3Cscript%3E,message"));

        Assert.Equal(["host.name", "message"], state.Columns);
    }

    [Theory]
    [InlineData("", "host.name", "app2", "host.name:\"app2\"")]
    [InlineData("status:404", "user_agent.original", "say \"hi\" \\o/", "(status:404) AND user_agent.original:\"say \\\"hi\\\" \\\\o/\"")]
    public void FilterIn_AddsAQuotedClauseThatParses(string query, string field, string value, string expected)
    {
        var text = QueryEdit.FilterIn(query, field, value);

        Assert.Equal(expected, text);
        Assert.True(LogQuery.Parse(text).Succeeded, LogQuery.Parse(text).Error);
        Assert.True(LogQuery.Parse(QueryEdit.FilterOut(query, field, value)).Succeeded);
    }

    [Fact]
    public void TryParseLocal_PlainTimeInParis_IsReadInThatZone()
    {
        Assert.True(DisplayZone.TryFind("Europe/Paris", out var paris, out _));

        Assert.True(paris.TryParseLocal("2026-11-22 03:10", out var winter));
        Assert.False(paris.TryParseLocal("2026-11-22T03:10:00Z", out _));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 10, 0, TimeSpan.Zero), winter);
        Assert.Equal("2026-11-22 03:10:00.000 +01:00", paris.Format(winter));
    }

    [Fact]
    public void TryFind_UnknownZone_ErrorNamesTheParameter()
    {
        Assert.False(DisplayZone.TryFind("Mars/Olympus", out _, out var error));
        Assert.StartsWith("tz: unknown time zone 'Mars/Olympus'", error, StringComparison.Ordinal);
    }

    private static QueryCollection Parse(string url) => new(QueryHelpers.ParseQuery(new Uri("http://x" + url).Query));
}
