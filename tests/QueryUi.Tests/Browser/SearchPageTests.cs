using Microsoft.Playwright;

namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>The search page in Chromium: query bar, histogram, sidebar filters, expandable rows, surrounding events, load more.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TypeQuery_SlashFocusesAndEnterSearches_ShowsTheHitAndHistogram()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/search?from=now-2h");
        await Assertions.Expect(page.Locator("figure.histogram a.bar")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "search");

        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(TestTraffic.Needle);
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync(TestTraffic.Needle);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]q=" + TestTraffic.Needle));
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("table.hits tr.hit")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.hits tr.hit td.msg")).ToContainTextAsync("/checkout?order=" + TestTraffic.Needle);
        var nonEmptyBars = await page.Locator("figure.histogram a.bar").EvaluateAllAsync<int>("bars => bars.filter(b => b.dataset.count !== '0').length");
        Assert.Equal(1, nonEmptyBars);
    }

    [Fact]
    public async Task QuerySyntaxError_IsShownInlineWithItsPosition()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/search?from=now-2h&q=" + Uri.EscapeDataString("status:(404 OR"));

        await Assertions.Expect(page.Locator(".error[role=alert]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".error pre.caret")).ToContainTextAsync("^ position");
        await Assertions.Expect(page.Locator("table.hits")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SidebarFilterIn_NarrowsTheResultToThatValue()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/search?from=now-2h");
        await page.Locator("aside.sidebar a.name", new() { HasTextString = "host.name" }).First.ClickAsync();
        var app2 = page.Locator("ol.top li", new() { HasTextString = "app2" });
        await Assertions.Expect(app2).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "search-sidebar");

        await app2.Locator("a.in").ClickAsync();

        await page.WaitForURLAsync(url => Uri.UnescapeDataString(url).Contains("host.name:\"app2\"", StringComparison.Ordinal));
        var hosts = await page.Locator("table.hits tr.hit td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(hosts);
        Assert.All(hosts, h => Assert.Equal("app2", h));
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("ol.top li", new() { HasTextString = "web1" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OpenRow_ShowsEveryFieldAndLeadsToSurroundingEvents()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/search?from=now-2h&q=" + TestTraffic.Needle);
        await page.Locator("tr.hit button.toggle").First.ClickAsync();
        var detail = page.Locator("tr.detail").First;
        await Assertions.Expect(detail).ToBeVisibleAsync();
        await Assertions.Expect(detail.Locator("table.fields th", new() { HasTextString = "source.ip" })).ToBeVisibleAsync();
        await Assertions.Expect(detail.Locator("pre.raw")).ToContainTextAsync("GET /checkout?order=" + TestTraffic.Needle);
        await BrowserFixture.ScreenshotAsync(page, "search-row");

        await detail.Locator("a", new() { HasTextString = "Surrounding events" }).ClickAsync();

        await Assertions.Expect(page.Locator("tr.anchor td.msg")).ToContainTextAsync(TestTraffic.Needle);
        var rows = await page.Locator("table.surrounding tbody tr").CountAsync();
        Assert.Equal(51, rows);
        await BrowserFixture.ScreenshotAsync(page, "surrounding");
    }

    [Fact]
    public async Task LoadMore_PagesFarThroughTheResult_NewestFirstWithoutRepeats()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/search?from=now-2h&q=dataset:apache.access");
        for (var shown = 100; shown < 700; shown += 100)
        {
            await page.Locator("a#more").ClickAsync();
            await Assertions.Expect(page.Locator("table.hits tr.hit")).ToHaveCountAsync(shown + 100);
        }

        var stamps = await page.Locator("table.hits tr.hit").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.ts)");
        var ids = await page.Locator("table.hits tr.hit").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(stamps.OrderDescending(StringComparer.Ordinal), stamps);
    }
}
