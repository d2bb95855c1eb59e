using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Tests.Detection;

/// <summary>The expectations on the planted traffic, checked the same way for the live detector and the back-test.</summary>
internal static partial class PlantedTraffic
{
    public static HashSet<(string Rule, string Address)> FindingsOf(IEnumerable<EcsDocument> alerts) =>
        [.. alerts.Select(a => (a.GetString("rule.id")!, a.GetString("source.ip")!))];

    public static void AssertExpectations(IReadOnlyCollection<(string Rule, string Address)> findings)
    {
        var missing = ExpectedFindings.Where(e => !findings.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "Planted attackers not found: " + string.Join(", ", missing));

        var benign = findings.Where(f => BenignAddresses.Contains(f.Address)).ToList();
        Assert.True(benign.Count == 0, "Benign users flagged: " + string.Join(", ", benign));

        var forbidden = ForbiddenFindings.Where(findings.Contains).ToList();
        Assert.True(forbidden.Count == 0, "Rules fired that the attacker stays under: " + string.Join(", ", forbidden));
    }
}
