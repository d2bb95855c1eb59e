using System.Text.Json.Nodes;
using LogPipeline.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>
/// One stack (real ingest + query-ui, planted traffic) and one headless Debian Chromium, shared by the browser tests.
/// Playwright drives /usr/bin/chromium (no browser download); CI installs the <c>chromium</c> package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    internal UiStack Stack { get; private set; } = null!;

    internal IBrowser Browser { get; private set; } = null!;

    internal DateTimeOffset Now { get; private set; }

    public static string ScreenshotDir { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (the browser tests drive Debian's Chromium)");
        Stack = await UiStack.StartAsync();
        Now = TimeProvider.System.GetUtcNow();
        var events = TestTraffic.Build(Now);
        await Stack.SendAsync(events);
        using var http = new HttpClient { BaseAddress = new Uri(Stack.UiUrl) };
        // Every line has "HTTP/1.1": the field filter finds the events once their rows are stored, and this free-text term
        // once the text index has followed (ingest acknowledges once the rows are durable, Ingest:WaitForTextIndex).
        await Eventually.WaitAsync(
            async () => JsonNode.Parse(await http.GetStringAsync("/api/search?from=now-2h&size=1&q=dataset:apache.access%20AND%20HTTP"))!["total"]!.GetValue<long>(),
            total => total == events.Count,
            TimeSpan.FromSeconds(30),
            total => $"{total} of {events.Count} events searchable by field and free text.\n{Stack.Diagnostics()}");

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page (own cookies) at a laptop size, with a deadline on every wait.</summary>
    internal async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, BaseURL = Stack.UiUrl });
        // Generous deadlines: CI machines are shared and the first page pays for JIT; a real failure still fails.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page PNG next to the test output (<c>screenshots/</c>) and, when LOGPIPELINE_UPDATE_SCREENSHOTS=1, into docs/screenshots.</summary>
    internal static async Task ScreenshotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false });
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotDir, name + ".png"), bytes);
        if (Environment.GetEnvironmentVariable("LOGPIPELINE_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Directory.CreateDirectory(Path.Combine(Binaries.RepoRoot, "docs", "screenshots")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), bytes);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }
}
