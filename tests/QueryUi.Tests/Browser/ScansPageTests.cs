using Microsoft.Playwright;

namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>"Who is scanning us" in Chromium: the planted scanner, its successful login, the alerts, one click to its events, deny lists.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScansPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ScansPage_FindsThePlantedScannerAndFlagsItsSuccessfulLogin()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/scans?from=now-2h");

        var scanner = page.Locator($"table.offenders tr[data-address='{TestTraffic.Scanner}']");
        await Assertions.Expect(scanner).ToHaveClassAsync("login");
        await Assertions.Expect(scanner.Locator("td.num")).ToHaveTextAsync((3 + TestTraffic.FailedLogins + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(scanner).ToContainTextAsync($"302 on web2");
        await Assertions.Expect(scanner).ToContainTextAsync($"after {TestTraffic.FailedLogins} failures");
        await Assertions.Expect(scanner.Locator(".badge", new() { HasTextString = "web1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.offenders tr.login")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"table.alerts tr", new() { HasTextString = TestTraffic.Scanner }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "scans");

        await scanner.Locator("a", new() { HasTextString = TestTraffic.Scanner }).First.ClickAsync();

        await page.WaitForURLAsync(url => Uri.UnescapeDataString(url).Contains($"q=source.ip:\"{TestTraffic.Scanner}\"", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("table.hits tr.hit", new() { HasTextString = "POST /wp-login.php HTTP/1.1\" 302" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.hits tr.hit", new() { HasTextString = "POST /wp-login.php HTTP/1.1\" 200" })).ToHaveCountAsync(TestTraffic.FailedLogins);
    }

    [Fact]
    public async Task DenyListExport_DownloadsAnNginxSnippetWithTheScanner()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/scans?from=now-2h");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".exports a", new() { HasTextString = "nginx deny" }).ClickAsync());

        Assert.Equal("scanners-deny.conf", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"deny {TestTraffic.Scanner};", text, StringComparison.Ordinal);
        Assert.Contains($"deny {TestTraffic.HostileProber};", text, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.", text, StringComparison.Ordinal);
    }
}
