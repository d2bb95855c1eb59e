using LogPipeline.QueryUi.Hosting;
using LogPipeline.QueryUi.Hosts;
using LogPipeline.QueryUi.Tests.Search;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Tests.Hosts;

public sealed class HostsReportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("logpipeline-hosts-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task BuildAsync_ManyHosts_AsksTheStoreOnceAndKeepsTheHeartbeats()
    {
        Directory.CreateDirectory(Path.Combine(_dataDir, "hosts"));
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "hosts", "db1.json"), $$"""
            {"host":"db1","agent_version":"0.1.0","received_at":"{{Now.AddSeconds(-5):O}}",
             "files":[{"path":"/var/log/mysql/error.log","size":900,"acked_offset":700,"lag_bytes":200,"last_error":"disk full"}]}
            """);
        var store = new RecordingStore
        {
            Hosts = [.. Enumerable.Range(0, 40).Select(i => new HostActivity($"web{i:D2}", 600, 50, Now.AddMinutes(-1))), new HostActivity("app2", 10, 0, Now.AddHours(-2))],
        };

        var rows = await new HostsReport(store, new HeartbeatReader(new QueryUiOptions { DataDir = _dataDir })).BuildAsync(Now, CancellationToken.None);

        var request = Assert.IsType<HostActivityRequest>(Assert.Single(store.Calls));
        Assert.Equal((Now.AddHours(-24), Now, Now.AddMinutes(-5)), (request.From, request.To, request.RecentFrom));
        Assert.Equal(42, rows.Count);
        var web = rows.Single(r => r.Host == "web07");
        Assert.Equal((600L, 10.0, Now.AddMinutes(-1)), (web.Events24h, web.EventsPerMinute, web.LastEvent!.Value));
        Assert.Contains("silent", rows.Single(r => r.Host == "app2").Problems);
        var db = rows.Single(r => r.Host == "db1");
        Assert.Equal((200L, "disk full", "0.1.0"), (db.LagBytes!.Value, db.LastError, db.AgentVersion));
        Assert.Contains("no events in 24 h", db.Problems);
    }
}
