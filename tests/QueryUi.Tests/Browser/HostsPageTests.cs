using System.Net.Http.Json;
using Microsoft.Playwright;

namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>The hosts page in Chromium: every shipper, its activity, and its heartbeat — or the lack of one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task HostsPage_ShowsEveryHostWithHeartbeatLagAndErrors()
    {
        using var beat = await fixture.Stack.Ingest.PostAsJsonAsync("/v1/status", new
        {
            host = "web1",
            agent_version = "0.1.0-test",
            files = new[] { new { path = "/var/log/apache2/access.log", fingerprint = "ab12", size = 5000, read_offset = 4900, acked_offset = 4000, lag_bytes = 1000, last_error = "connection refused by ingest", last_send = TimeProvider.System.GetUtcNow().ToString("O") } },
        });
        Assert.True(beat.IsSuccessStatusCode, $"POST /v1/status → {(int)beat.StatusCode}");
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/hosts");

        foreach (var host in TestTraffic.Hosts)
        {
            await Assertions.Expect(page.Locator($"table.hosts tr[data-host='{host}']")).ToBeVisibleAsync();
        }

        var web1 = page.Locator("table.hosts tr[data-host='web1']");
        await Assertions.Expect(web1).ToContainTextAsync("1,000 B");
        await Assertions.Expect(web1).ToContainTextAsync("connection refused by ingest");
        await Assertions.Expect(web1).ToContainTextAsync("0.1.0-test");
        await Assertions.Expect(page.Locator("table.hosts tr[data-host='app2']")).ToContainTextAsync("no heartbeat");
        await Assertions.Expect(page.Locator("table.hosts tr[data-host='app2']")).ToHaveClassAsync("stale");
        await BrowserFixture.ScreenshotAsync(page, "hosts");
    }
}
