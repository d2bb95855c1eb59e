using LogPipeline.Ingest.Detection;
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

    private static List<EcsDocument> Run(DetectionOptions options)
    {
        var detector = new ScanDetector(options, new FakeTimeProvider(PlantedTraffic.Start + PlantedTraffic.Duration));
        return [.. Traffic.SelectMany(detector.Observe)];
    }
}
