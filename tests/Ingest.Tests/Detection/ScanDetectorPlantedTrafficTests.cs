using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class ScanDetectorPlantedTrafficTests
{
    private static readonly IReadOnlyList<EcsDocument> Traffic = PlantedTraffic.Documents();

    [Fact]
    public void Documents_GeneratedLines_AllParse()
    {
        Assert.True(Traffic.Count > 30_000);
        Assert.DoesNotContain(Traffic, d => d.HasTag(Unparsed.FailureTag));
        Assert.Equal(PlantedTraffic.Start, Traffic[0].Timestamp);
    }

    [Fact]
    public void Observe_PlantedTraffic_FindsAttackersAndSparesBenignUsers()
    {
        var alerts = Run(new DetectionOptions());

        PlantedTraffic.AssertExpectations(PlantedTraffic.FindingsOf(alerts));
    }

    [Fact]
    public void Observe_PlantedTraffic_FloodAlertedOnceThenClosedWithTheRest()
    {
        var alerts = Run(new DetectionOptions());

        var fast = alerts.Where(a => a.GetString("rule.id") == "wp-login-flood").ToList();
        Assert.Equal(2, fast.Count);
        Assert.All(fast, a => Assert.Equal(PlantedTraffic.FastBruteForcer, a.GetString("source.ip")));
        Assert.Equal(6, fast[0].GetLong("logpipeline.alert.count"));
        Assert.Equal(300, fast.Sum(a => a.GetLong("logpipeline.alert.count")));
        Assert.Equal(alerts.Count, alerts.Select(a => a.GetString("event.id")).Distinct().Count());
    }

    [Fact]
    public void Observe_PlantedTrafficWithRaisedThresholds_SlowAndDistributedAttacksNoLongerFire()
    {
        var options = new DetectionOptions();
        options.Rules.WpLoginSlow.Threshold = 500;
        options.Rules.WpLoginDistributed.Threshold = 60;

        var findings = PlantedTraffic.FindingsOf(Run(options));

        Assert.DoesNotContain(findings, f => f.Rule is "wp-login-slow" or "wp-login-distributed");
        Assert.Contains(("wp-login-flood", PlantedTraffic.FastBruteForcer), findings);
    }

    [Fact]
    public async Task Observe_ConcurrentCallers_SameFindingsAsSequential()
    {
        var detector = new ScanDetector(new DetectionOptions(), new FakeTimeProvider(PlantedTraffic.Start + PlantedTraffic.Duration));
        var alerts = new System.Collections.Concurrent.ConcurrentBag<EcsDocument>();
        var slices = Traffic.Chunk(500).ToList();
        await Parallel.ForEachAsync(slices, new ParallelOptions { MaxDegreeOfParallelism = 1 }, (slice, _) =>
        {
            Parallel.ForEach(slice.Chunk(125), part =>
            {
                foreach (var document in part)
                {
                    foreach (var alert in detector.Observe(document))
                    {
                        alerts.Add(alert);
                    }
                }
            });
            return ValueTask.CompletedTask;
        });

        PlantedTraffic.AssertExpectations(PlantedTraffic.FindingsOf(alerts));
    }

    [Fact]
    public void Observe_RecordsAsIngestBuildsThem_SameAlertsAsFromDocuments()
    {
        var fromDocuments = Run(new DetectionOptions());
        var detector = new ScanDetector(new DetectionOptions(), new FakeTimeProvider(PlantedTraffic.Start + PlantedTraffic.Duration));

        var fromRecords = Traffic.SelectMany(d => detector.Observe(EventProcessor.ToRecord("id", d), d)).ToList();

        Assert.NotEmpty(fromDocuments);
        Assert.Equal(fromDocuments.Select(a => a.ToJson()), fromRecords.Select(a => a.ToJson()));
    }

    [Fact]
    public void Observe_RecordWithStatusSentAsText_ReadFromTheDocument()
    {
        var detector = new ScanDetector(new DetectionOptions(), new FakeTimeProvider(PlantedTraffic.Start));
        var alerts = new List<EcsDocument>();
        for (var i = 0; i < 40; i++)
        {
            var document = new EcsDocument { Timestamp = PlantedTraffic.Start.AddSeconds(i) };
            document.Set("event.dataset", "apache.access");
            document.Set("source.ip", "192.0.2.77");
            document.Set("http.request.method", "GET");
            document.Set("url.original", $"/probe-{i}.php");
            document.Set("http.response.status_code", "404");
            alerts.AddRange(detector.Observe(EventProcessor.ToRecord($"e{i}", document), document));
        }

        Assert.Contains(alerts, a => a.GetString("rule.id") == "http-4xx-probing" && a.GetString("source.ip") == "192.0.2.77");
    }

    private static List<EcsDocument> Run(DetectionOptions options)
    {
        var detector = new ScanDetector(options, new FakeTimeProvider(PlantedTraffic.Start + PlantedTraffic.Duration));
        return [.. Traffic.SelectMany(detector.Observe)];
    }
}
