using System.Runtime.CompilerServices;
using System.Text.Json;
using LogPipeline.Ingest.Detection;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class DetectCommandTests : IDisposable
{
    private static readonly IReadOnlyList<EcsDocument> History = PlantedTraffic.Documents();
    private readonly FakeTimeProvider _time = new(PlantedTraffic.Start.AddDays(2));
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("detect-").FullName;
    private (DateTimeOffset From, DateTimeOffset To)? _asked;

    [Fact]
    public async Task RunAsync_PlantedHistoryAsJson_SameExpectationsAsStreaming()
    {
        var code = await Run("--from", "2026-11-02T00:00:00Z", "--to", "2026-11-03", "--json");

        Assert.Equal(0, code);
        var findings = _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal("alert", root.GetProperty("event").GetProperty("kind").GetString());
            return (root.GetProperty("rule").GetProperty("id").GetString()!, root.GetProperty("source").GetProperty("ip").GetString()!);
        }).ToHashSet();
        PlantedTraffic.AssertExpectations(findings);
        Assert.Contains("alerts from", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PlantedHistoryAsTable_OneRowPerAlertAndSummary()
    {
        var code = await Run("--from", "now-3d", "--to", "now");

        Assert.Equal(0, code);
        var lines = _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("FIRST SEEN (UTC)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("wp-login-flood", StringComparison.Ordinal) && l.Contains(PlantedTraffic.FastBruteForcer, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => PlantedTraffic.BenignAddresses.Any(b => l.Contains(b, StringComparison.Ordinal)));
        Assert.Matches(@"^\d+ alerts from \d+ addresses in \d+ events between", lines[^1]);
        Assert.Equal(PlantedTraffic.Start.AddDays(-1), _asked!.Value.From);
    }

    [Fact]
    public async Task RunAsync_RulesFileWithHigherThresholds_SlowAndDistributedNoLongerFire()
    {
        var rules = Path.Combine(_directory, "rules.json");
        await File.WriteAllTextAsync(rules, """{"Detection": {"Rules": {"WpLoginSlow": {"Threshold": 500}, "WpLoginDistributed": {"Enabled": false}}}}""");

        var code = await Run("--from=now-3d", "--json", "--rules", rules);

        Assert.Equal(0, code);
        Assert.DoesNotContain("wp-login-slow", _stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wp-login-distributed", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("wp-login-flood", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RangeBeforeTheAttacks_NoAlerts()
    {
        var code = await Run("--from", "2026-11-02T08:00:00Z", "--to", "2026-11-02T08:20:00Z");

        Assert.Equal(0, code);
        Assert.StartsWith("0 alerts", _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "Unknown argument '--since'")]
    [InlineData("--from", "--from needs a value")]
    [InlineData("--from yesterday", "--from 'yesterday' is not a time")]
    [InlineData("--from now --to now-1h", "must be before --to")]
    [InlineData("--rules /no/such/rules.json", "no such file")]
    public async Task RunAsync_BadArguments_Exit2NamingTheProblem(string args, string message)
    {
        var code = await Run(args.Split(' '));

        Assert.Equal(2, code);
        Assert.Contains(message, _stderr.ToString(), StringComparison.Ordinal);
        Assert.Null(_asked);
    }

    [Fact]
    public async Task RunAsync_RulesFileWithBadValues_Exit2ListingEveryKey()
    {
        var rules = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(rules, """{"Rules": {"WpLoginFlood": {"Threshold": -1}, "XmlrpcFlod": {}}, "MaxTrackedAddresses": "lots"}""");

        var code = await Run("--rules", rules);

        Assert.Equal(2, code);
        var errors = _stderr.ToString();
        Assert.Contains("Detection:Rules:WpLoginFlood:Threshold", errors, StringComparison.Ordinal);
        Assert.Contains("Detection:MaxTrackedAddresses", errors, StringComparison.Ordinal);
        Assert.Null(_asked);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsage()
    {
        Assert.Equal(0, await Run("detect", "--help"));
        Assert.Contains("Usage: ingest detect", _stdout.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<int> Run(params string[] args) =>
        DetectCommand.RunAsync(args, Read, _stdout, _stderr, _time, CancellationToken.None);

    private async IAsyncEnumerable<EcsDocument> Read(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
    {
        _asked = (from, to);
        foreach (var document in History.Where(d => d.Timestamp >= from && d.Timestamp < to))
        {
            ct.ThrowIfCancellationRequested();
            yield return document;
        }

        await Task.CompletedTask;
    }
}
