using Microsoft.Playwright;

namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>Attacker-controlled log text stays text in every page and export; every response carries the security headers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/search?from=now-2h&cols=user_agent.original&q=ip:\"192.0.2.45\"", "table.hits td")]
    [InlineData("/scans?from=now-2h", "table.offenders td .ua")]
    public async Task ScriptUserAgent_RendersAsTextAndNeverRuns(string url, string cells)
    {
        var page = await fixture.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync(url);

        await Assertions.Expect(page.Locator(cells, new() { HasTextString = TestTraffic.HostileAgent }).First).ToBeVisibleAsync();
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Equal(0, dialogs);
        var scripts = await page.Locator("script").EvaluateAllAsync<string[]>("s => s.map(x => x.getAttribute('src') || 'inline')");
        Assert.Equal(["/app.js"], scripts);
    }

    [Fact]
    public async Task CsvExport_KeepsTheScriptUserAgentAsPlainTextInAnAttachment()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.APIRequest.GetAsync("/api/export.csv?from=now-2h&cols=user_agent.original&q=" + Uri.EscapeDataString($"ip:\"{TestTraffic.HostileProber}\" AND dataset:apache.access"));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        var lines = (await response.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.EndsWith("," + TestTraffic.HostileAgent, line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/scans")]
    [InlineData("/hosts")]
    public async Task Pages_CarryTheSecurityHeaders(string path)
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync(path);

        var headers = await response!.AllHeadersAsync();
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
    }
}
