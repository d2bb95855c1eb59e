using Microsoft.Playwright;

namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>Live tail: new events appear on top without a reload, and the tail pauses.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveTailTests(BrowserFixture fixture)
{
    [Fact]
    public async Task LiveTail_NewEventAppearsOnTopWithoutReload_AndPauses()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/search?from=now-1h&q=dataset:apache.access");
        var loads = 0;
        page.Load += (_, _) => loads++;
        await page.Locator("#live").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("live=1", StringComparison.Ordinal));

        await fixture.Stack.SendAsync([TestTraffic.Late(DateTimeOffset.UtcNow, "tail1", 1)]);

        var fresh = page.Locator("table.hits tbody tr.hit").First;
        await Assertions.Expect(fresh).ToContainTextAsync("/late?m=tail1");
        await Assertions.Expect(fresh).ToHaveClassAsync("hit new");
        Assert.Equal(0, loads);
        await page.Locator("#live").ClickAsync();
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.DoesNotContain("live=1", page.Url, StringComparison.Ordinal);
    }
}
