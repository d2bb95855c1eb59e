using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LogPipeline.EndToEnd.Tests.Infrastructure;

namespace LogPipeline.EndToEnd.Tests;

/// <summary>
/// The thin slice, real at every step: lines appended to an Apache access log reach /api/search through the
/// shipper, ingest and the SQLite store, each exactly once and with the right fields — also across a shipper restart.
/// </summary>
public sealed class PipelineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AppendedLines_ArriveExactlyOnceWithParsedFields_AcrossShipperRestart()
    {
        await using var pipeline = await LocalPipeline.StartAsync();
        var log = Path.Combine(pipeline.LogDir, "access.log");
        var baseTime = TimeProvider.System.GetUtcNow().AddHours(-1);
        var first = Enumerable.Range(0, 40).Select(i => AccessLine.Make(i, baseTime)).ToList();
        await AppendAsync(log, first);

        await WaitForAsync(pipeline, first.Count, baseTime);

        // A graceful stop, lines written while it is down, a restart: nothing lost, nothing twice.
        await pipeline.Shipper!.StopAsync(TimeSpan.FromSeconds(30));
        var second = Enumerable.Range(40, 25).Select(i => AccessLine.Make(i, baseTime)).ToList();
        await AppendAsync(log, second);
        pipeline.StartShipper();
        var all = first.Concat(second).ToList();
        var result = await WaitForAsync(pipeline, all.Count, baseTime);

        var hits = result["hits"]!.AsArray().Select(h => h!.AsObject()).ToList();
        Assert.Equal(all.Count, hits.Select(h => (string)h["_id"]!).Distinct().Count());
        var byUrl = hits.GroupBy(h => (string?)h["_source"]!["url"]?["original"]).ToDictionary(g => g.Key ?? "", g => g.ToList());
        foreach (var line in all)
        {
            Assert.True(byUrl.TryGetValue(line.Url, out var matches), $"line {line.Index} ({line.Url}) missing.\n{pipeline.Diagnostics()}");
            Assert.Single(matches);
            var source = matches[0]["_source"]!;
            Assert.Equal(line.Ip, (string?)source["source"]!["ip"]);
            Assert.Equal(line.Method, (string?)source["http"]!["request"]!["method"]);
            Assert.Equal(line.Status, (int)source["http"]!["response"]!["status_code"]!);
            Assert.Equal(line.UtcTime, DateTimeOffset.Parse((string)source["@timestamp"]!, CultureInfo.InvariantCulture));
            Assert.EndsWith("Z", (string)source["@timestamp"]!, StringComparison.Ordinal);
            Assert.Equal("e2e-host", (string?)source["host"]?["name"]);
            Assert.Equal("apache.access", (string?)source["event"]?["dataset"]);
        }
    }

    [Fact]
    public async Task FreeTextQuery_FindsOnlyTheMatchingLine()
    {
        await using var pipeline = await LocalPipeline.StartAsync();
        var baseTime = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        var lines = Enumerable.Range(0, 10).Select(i => AccessLine.Make(i, baseTime)).ToList();
        await AppendAsync(Path.Combine(pipeline.LogDir, "access.log"), lines);
        await WaitForAsync(pipeline, lines.Count, baseTime);

        // Acknowledged once durable (Ingest:WaitForTextIndex false, the default): found by field at once (above), by
        // free text once the text writer has indexed the batch, milliseconds later.
        var result = await Eventually.WaitAsync(
            () => pipeline.SearchAsync("needle7", baseTime.AddHours(-1), baseTime.AddHours(1), 100),
            r => (long)r["total"]! >= 1,
            Deadline,
            r => $"needle7 not found by free text, total {r?["total"]}.\n{pipeline.Diagnostics()}");

        Assert.Equal(1, (long)result["total"]!);
        Assert.Equal(lines[7].Url, (string?)result["hits"]![0]!["_source"]!["url"]!["original"]);

        // The rest of the search API over the same events: top values, histogram, surrounding events.
        var range = $"from={Uri.EscapeDataString(baseTime.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(baseTime.AddHours(1).ToString("O"))}";
        var top = JsonNode.Parse(await pipeline.Http.GetStringAsync($"/api/top?field=method&size=5&{range}"))!;
        Assert.Equal(lines.GroupBy(l => l.Method).ToDictionary(g => g.Key, g => (long)g.Count()),
            top["values"]!.AsArray().ToDictionary(v => (string)v!["value"]!, v => (long)v!["count"]!));
        var histogram = JsonNode.Parse(await pipeline.Http.GetStringAsync($"/api/histogram?{range}"))!;
        Assert.Equal(lines.Count, (long)histogram["total"]!);
        var id = (string)result["hits"]![0]!["_id"]!;
        var around = JsonNode.Parse(await pipeline.Http.GetStringAsync($"/api/surrounding?id={id}&before=2&after=2"))!;
        Assert.Equal(lines[6].Url, (string?)around["before"]!.AsArray().Last()!["_source"]!["url"]!["original"]);
        Assert.Equal(lines[8].Url, (string?)around["after"]!.AsArray().First()!["_source"]!["url"]!["original"]);

        // With the event's time, the anchor is found by the time index of its own day: the same answer.
        var at = Uri.EscapeDataString((string)result["hits"]![0]!["_source"]!["@timestamp"]!);
        var aroundAt = JsonNode.Parse(await pipeline.Http.GetStringAsync($"/api/surrounding?id={id}&ts={at}&before=2&after=2"))!;
        Assert.Equal(around.ToJsonString(), aroundAt.ToJsonString());
        using var badTime = await pipeline.Http.GetAsync($"/api/surrounding?id={id}&ts=yesterday-ish");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.StartsWith("ts: ", (string)JsonNode.Parse(await badTime.Content.ReadAsStringAsync())!["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShipperHeartbeat_ReachesIngest_WithTheFileAndNoLagOnceDelivered()
    {
        await using var pipeline = await LocalPipeline.StartAsync();
        var log = Path.Combine(pipeline.LogDir, "access.log");
        var baseTime = TimeProvider.System.GetUtcNow().AddMinutes(-20);
        await AppendAsync(log, Enumerable.Range(0, 5).Select(i => AccessLine.Make(i, baseTime)));
        await WaitForAsync(pipeline, 5, baseTime);
        var report = Path.Combine(pipeline.DataDir, "hosts", "e2e-host.json");

        var status = await Eventually.WaitAsync(
            async () => File.Exists(report) ? JsonNode.Parse(await File.ReadAllTextAsync(report))!.AsObject() : null,
            r => r?["files"]?.AsArray().Any(f => (string?)f!["path"] == log && (long)f["lag_bytes"]! == 0 && (long)f["acked_offset"]! == new FileInfo(log).Length) == true,
            TimeSpan.FromSeconds(60),
            r => $"no heartbeat showing {log} fully acknowledged: {r?.ToJsonString() ?? "no report"}\n{pipeline.Diagnostics()}");

        Assert.NotNull((string?)status!["received_at"]);
    }

    [Fact]
    public async Task IngestKilledMidStream_AfterRestartEveryLineStoredOnce()
    {
        await using var pipeline = await LocalPipeline.StartAsync();
        var log = Path.Combine(pipeline.LogDir, "access.log");
        var baseTime = TimeProvider.System.GetUtcNow().AddHours(-2);
        var all = Enumerable.Range(0, 3000).Select(i => AccessLine.Make(i, baseTime)).ToList();

        // Append in chunks while ingest is killed -9 twice in the middle of the stream.
        for (var chunk = 0; chunk < 6; chunk++)
        {
            await AppendAsync(log, all.Skip(chunk * 500).Take(500));
            if (chunk is 1 or 3)
            {
                await pipeline.CrashAndRestartIngestAsync();
            }
        }

        var result = await WaitForAsync(pipeline, all.Count, baseTime, size: 1, hours: 2);

        Assert.Equal(all.Count, (long)result["total"]!);
        var hits = await pipeline.SearchAllAsync(string.Empty, baseTime.AddHours(-1), baseTime.AddHours(2));
        var urls = hits.Select(h => (string?)h["_source"]!["url"]!["original"]).ToList();
        Assert.Equal(all.Count, urls.Distinct().Count());
        Assert.Empty(all.Select(l => l.Url).Except(urls!));
    }

    private static async Task<JsonObject> WaitForAsync(LocalPipeline pipeline, int expected, DateTimeOffset baseTime, int size, int hours) =>
        await Eventually.WaitAsync(
            () => pipeline.SearchAsync(string.Empty, baseTime.AddHours(-1), baseTime.AddHours(hours), size),
            r => (long)r["total"]! >= expected,
            Deadline,
            r => $"expected {expected} events, have {r?["total"]}.\n{pipeline.Diagnostics()}");

    private static async Task<JsonObject> WaitForAsync(LocalPipeline pipeline, int expected, DateTimeOffset baseTime) =>
        await Eventually.WaitAsync(
            () => pipeline.SearchAsync(string.Empty, baseTime.AddHours(-1), baseTime.AddHours(1), 1000),
            r => (long)r["total"]! >= expected,
            Deadline,
            r => $"expected {expected} events, have {r?["total"]}.\n{pipeline.Diagnostics()}");

    private static async Task AppendAsync(string path, IEnumerable<AccessLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Text).Append('\n');
        }

        await File.AppendAllTextAsync(path, text.ToString());
    }
}
