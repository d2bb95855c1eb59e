using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Contract;

public abstract partial class LogStoreContractTests
{
    [Fact]
    public async Task HostActivityAsync_HostsOverTwoDays_CountsRecentAndNewestPerHostInOneCall()
    {
        var start = Events.Day0.AddHours(23);
        await WriteAsync(
        [
            .. Enumerable.Range(0, 90).Select(i => Events.Access($"w{i}", start.AddMinutes(i), host: "web1")),
            .. Enumerable.Range(0, 4).Select(i => Events.Access($"a{i}", start.AddMinutes(10 * i), host: "app2", status: 500)),
            Events.Access("old", start.AddHours(-5), host: "db1"),
        ]);

        var result = await Search.HostActivityAsync(
            new HostActivityRequest { From = start.AddHours(-1), To = start.AddMinutes(90), RecentFrom = start.AddMinutes(80) }, CancellationToken.None);

        Assert.Equal(
            [new HostActivity("app2", 4, 0, start.AddMinutes(30)), new HostActivity("web1", 90, 10, start.AddMinutes(89))],
            result);
    }

    [Fact]
    public async Task HostActivityAsync_WithQuery_CountsOnlyMatchingEvents()
    {
        await WriteAsync(
        [
            Events.Access("a", Events.Day0.AddMinutes(1), host: "web1", status: 404),
            Events.Access("b", Events.Day0.AddMinutes(2), host: "web1", status: 200),
            Events.Access("c", Events.Day0.AddMinutes(3), host: "web2", status: 200),
        ]);

        var result = await Search.HostActivityAsync(
            new HostActivityRequest { Query = "NOT status:200", From = Events.Day0, To = Events.Day0.AddHours(1), RecentFrom = Events.Day0 }, CancellationToken.None);

        Assert.Equal([new HostActivity("web1", 1, 1, Events.Day0.AddMinutes(1))], result);
    }
}
