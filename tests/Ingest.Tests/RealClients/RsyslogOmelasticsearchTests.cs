using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LogPipeline.Ingest.Tests.Endpoints;
using LogPipeline.Store;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Ingest.Tests.RealClients;

/// <summary>
/// Debian's rsyslog with omelasticsearch (bulk mode, basic auth) tailing a file into ingest's `_bulk`: a real
/// third-party shipper, so users can keep rsyslog on hosts where they cannot install ours.
/// </summary>
public sealed class RsyslogOmelasticsearchTests : IAsyncLifetime
{
    private IngestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Omelasticsearch_TailedApacheLines_ArriveParsedExactlyOnce()
    {
        var rsyslogd = Tool.Require("/usr/sbin/rsyslogd", "rsyslog");
        Tool.Require("/usr/lib/x86_64-linux-gnu/rsyslog/omelasticsearch.so", "rsyslog-elasticsearch");
        var dir = Directory.CreateDirectory(Path.Combine(_host.DataDir, "rsyslog")).FullName;
        Directory.CreateDirectory(Path.Combine(dir, "work"));
        var time = TimeProvider.System.GetUtcNow().AddMinutes(-3);
        var stamp = time.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
        var log = Path.Combine(dir, "access.log");
        await File.WriteAllLinesAsync(log, Enumerable.Range(1, 12).Select(i => $"198.51.100.{i} - - [{stamp}] \"GET /from-rsyslog/{i} HTTP/1.1\" 404 {i} \"-\" \"curl/8\""));
        var config = Path.Combine(dir, "rsyslog.conf");
        await File.WriteAllTextAsync(config, $$"""
            global(workDirectory="{{dir}}/work")
            module(load="imfile")
            module(load="omelasticsearch")
            template(name="ecs" type="list" option.jsonf="on") {
              property(outname="message" name="msg" format="jsonf")
              property(outname="@timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
            }
            ruleset(name="toingest") {
              action(type="omelasticsearch" server="127.0.0.1" serverport="{{_host.Client.BaseAddress!.Port}}"
                     searchIndex="logs-apache.access-default" template="ecs" bulkmode="on"
                     uid="rsyslog" pwd="{{IngestHost.Token}}" esVersion.major="8")
            }
            input(type="imfile" File="{{log}}" Tag="apache:" ruleset="toingest")
            """);

        using var process = Process.Start(new ProcessStartInfo(rsyslogd, ["-n", "-f", config, "-i", Path.Combine(dir, "rsyslogd.pid")]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        try
        {
            var hits = await PollAsync(time, 12, TimeSpan.FromSeconds(60));

            Assert.Equal(12, hits.Count);
            Assert.Equal(12, hits.Select(h => h.Id).Distinct().Count());
            foreach (var hit in hits)
            {
                var doc = JsonNode.Parse(hit.DocumentJson)!;
                Assert.StartsWith("/from-rsyslog/", (string?)doc["url"]!["path"], StringComparison.Ordinal);
                Assert.Equal(404, (int)doc["http"]!["response"]!["status_code"]!);
                Assert.Equal(time.ToUnixTimeSeconds(), hit.Timestamp.ToUnixTimeSeconds());
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private async Task<IReadOnlyList<SearchHit>> PollAsync(DateTimeOffset around, int expected, TimeSpan deadline)
    {
        var search = _host.Services.GetRequiredService<ILogSearch>();
        var stopwatch = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        IReadOnlyList<SearchHit> hits = [];
        while (stopwatch.Elapsed < deadline && await timer.WaitForNextTickAsync())
        {
            hits = (await search.SearchAsync(new SearchRequest { From = around.AddHours(-1), To = around.AddHours(1), Size = 100 }, CancellationToken.None)).Hits;
            if (hits.Count >= expected)
            {
                break;
            }
        }

        return hits;
    }
}
