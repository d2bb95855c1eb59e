using System.Text.RegularExpressions;
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
        // A reload would drop this mark. (Counting page.Load events raced with the first load's own event, which can
        // reach the test after GotoAsync returns on a loaded machine.)
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await page.Locator("#live").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]live=1"));

        await fixture.Stack.SendAsync([TestTraffic.Late(TimeProvider.System.GetUtcNow(), "tail1", 1)]);

        var fresh = page.Locator("table.hits tbody tr.hit").First;
        await Assertions.Expect(fresh).ToContainTextAsync("/late?m=tail1");
        await Assertions.Expect(fresh).ToHaveClassAsync("hit new");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded during the live tail");
        await page.Locator("#live").ClickAsync();
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("aria-pressed", "false");
        // page.Url follows history.replaceState through a protocol event that can arrive late: wait for it.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("[?&]live=1"));
    }
}
