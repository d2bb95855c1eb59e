using System.Net;
using LogPipeline.QueryUi.Components.Scans;
using LogPipeline.QueryUi.Scans;
using LogPipeline.QueryUi.Search;

namespace LogPipeline.QueryUi.Tests.Components;

public sealed class ScanComponentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 3, 10, 0, TimeSpan.Zero);

    [Fact]
    public async Task OffenderTable_PossibleLogin_RowHighlightedAndAgentEncoded()
    {
        Offender[] offenders =
        [
            new() { Address = "203.0.113.66", Count = 35, UserAgents = [new("<img src=x onerror=alert(1)>", 35)], Timeline = [0, 2, 5], PossibleLogin = new LoginFlag(T0, "web2", 302, 30) },
            new() { Address = "192.0.2.45", Count = 2, Timeline = [1, 0, 0] },
        ];

        var html = await ComponentRenderer.RenderAsync<OffenderTable>(new() { ["Offenders"] = offenders, ["Range"] = new SearchState { From = "now-24h" }, ["Zone"] = DisplayZone.Utc });

        Assert.Single(html.Split("class=\"login\"").Skip(1));
        Assert.Contains("302 on web2 at 2026-11-22 03:10:00 +00:00 after 30 failures", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=source.ip%3A%22203.0.113.66%22&amp;from=now-24h\"", html, StringComparison.Ordinal);
    }
}
