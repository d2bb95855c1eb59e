namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>The browser tests share one stack and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
