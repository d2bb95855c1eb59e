using LogPipeline.Ingest.Detection;
using LogPipeline.Parsers.Ecs;
using static LogPipeline.Ingest.Tests.Detection.AccessEvents;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class ScanDetectorRuleTests
{
    private const string Attacker = "203.0.113.9";

    [Fact]
    public void Observe_FailuresBelowFloodThreshold_NoAlert()
    {
        var alerts = Feed(new DetectionOptions(), Enumerable.Range(0, 5).Select(i => LoginFailure(Attacker, i)));

        Assert.Empty(alerts);
    }

    [Fact]
    public void Observe_FailuresAtFloodThreshold_OneAlertWithDocumentedFields()
    {
        var alerts = Feed(new DetectionOptions(), Enumerable.Range(0, 6).Select(i => LoginFailure(Attacker, i)));

        var alert = Assert.Single(alerts);
        Assert.Equal(T0.AddSeconds(5), alert.Timestamp);
        Assert.Equal("alert", alert.GetString("event.kind"));
        Assert.Equal("logpipeline.alert", alert.GetString("event.dataset"));
        Assert.Equal("wp-login-flood", alert.GetString("rule.id"));
        Assert.Equal("WordPress login brute force", alert.GetString("rule.name"));
        Assert.Equal(Attacker, alert.GetString("source.ip"));
        Assert.Equal(6, alert.GetLong("logpipeline.alert.count"));
        Assert.Equal(10, alert.GetLong("logpipeline.alert.window_seconds"));
        Assert.Equal("2026-03-01T12:00:00Z", alert.GetString("event.start"));
        Assert.Equal("2026-03-01T12:00:05Z", alert.GetString("event.end"));
        Assert.Equal("web1", alert.GetString("logpipeline.alert.hosts"));
        Assert.Equal("/wp-login.php", alert.GetString("logpipeline.alert.sample_urls"));
        Assert.Matches("^[0-9a-f]{32}$", alert.GetString("event.id"));
    }

    [Fact]
    public void Observe_FloodContinuesWithinQuietPeriod_NoSecondAlert()
    {
        var alerts = Feed(new DetectionOptions(), Enumerable.Range(0, 500).Select(i => LoginFailure(Attacker, i * 0.5)));

        Assert.Single(alerts, a => a.GetString("rule.id") == "wp-login-flood");
    }

    [Fact]
    public void Observe_FloodOutlastsQuietPeriod_SecondAlertCountsEventsSinceFirst()
    {
        var options = new DetectionOptions { MinAlertInterval = TimeSpan.FromMinutes(1) };
        options.Rules.WpLoginSlow.Enabled = false;

        var alerts = Feed(options, Enumerable.Range(0, 61).Select(i => LoginFailure(Attacker, i * 2)));

        Assert.Equal(2, alerts.Count);
        Assert.Equal(6, alerts[0].GetLong("logpipeline.alert.count"));
        Assert.Equal(30, alerts[1].GetLong("logpipeline.alert.count"));
        Assert.NotEqual(alerts[0].GetString("event.id"), alerts[1].GetString("event.id"));
    }

    [Fact]
    public void Flush_BurstEndedDuringQuietPeriod_ClosingAlertCountsTheRest()
    {
        var detector = new ScanDetector(new DetectionOptions(), new FakeTimeProvider(T0.AddDays(1)));
        var first = Enumerable.Range(0, 50).SelectMany(i => detector.Observe(LoginFailure(Attacker, i * 0.2))).ToList();

        var closing = detector.Flush();

        Assert.Equal(6, Assert.Single(first, a => a.GetString("rule.id") == "wp-login-flood").GetLong("logpipeline.alert.count"));
        Assert.Equal(44, Assert.Single(closing, a => a.GetString("rule.id") == "wp-login-flood").GetLong("logpipeline.alert.count"));
        Assert.Empty(detector.Flush());
        Assert.Equal(0, detector.TrackedKeys);
    }

    [Fact]
    public void Observe_SameHistoryReplayed_SameAlertIds()
    {
        var events = Enumerable.Range(0, 40).Select(i => Create(Attacker, i, path: $"/probe-{i}", status: 404)).ToList();

        var first = Feed(new DetectionOptions(), events).Select(a => a.GetString("event.id"));
        var second = Feed(new DetectionOptions(), events).Select(a => a.GetString("event.id"));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Observe_SuccessAfterFewerFailuresThanThreshold_NoAlert()
    {
        var events = Enumerable.Range(0, 4).Select(i => LoginFailure(Attacker, i * 30))
            .Append(Create(Attacker, 150, "POST", "/wp-login.php", 302));

        Assert.Empty(Feed(new DetectionOptions(), events));
    }

    [Fact]
    public void Observe_SuccessOnAnotherHostAfterFailures_NoAlert()
    {
        var events = Enumerable.Range(0, 6).Select(i => LoginFailure(Attacker, i * 30))
            .Append(Create(Attacker, 200, "POST", "/wp-login.php", 302, host: "web2"));

        Assert.Empty(Feed(new DetectionOptions(), events));
    }

    [Theory]
    [InlineData("/.env")]
    [InlineData("/app/.git/config")]
    [InlineData("/wp-config.php.save")]
    [InlineData("/phpMyAdmin/index.php")]
    [InlineData("/server-status?auto")]
    public void Observe_SensitivePath_Alerts(string path)
    {
        var alert = Assert.Single(Feed(new DetectionOptions(), [Create(Attacker, 0, path: path, status: 404)]));

        Assert.Equal("sensitive-file-probe", alert.GetString("rule.id"));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Nmap Scripting Engine)")]
    [InlineData("Mozilla/5.00 (Nikto/2.5.0)")]
    [InlineData("masscan/1.3")]
    [InlineData("zgrab/0.x")]
    [InlineData("Mozilla/5.0 (Hydra)")]
    public void Observe_ScannerUserAgent_Alerts(string agent)
    {
        var alert = Assert.Single(Feed(new DetectionOptions(), [Create(Attacker, 0, agent: agent)]));

        Assert.Equal("scanner-user-agent", alert.GetString("rule.id"));
        Assert.Equal(agent, alert.GetString("user_agent.original"));
    }

    [Fact]
    public void Observe_MissingAssetsAnd401s_NotProbing()
    {
        var events = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? Create(Attacker, i, path: $"/img/photo-{i}.jpg", status: 404)
            : Create(Attacker, i, path: $"/private/{i}/", status: 401));

        Assert.Empty(Feed(new DetectionOptions(), events));
    }

    [Fact]
    public void Observe_OtherDatasetOrIgnoredAddressOrDisabled_NoAlert()
    {
        var disabled = new DetectionOptions();
        disabled.Rules.ScannerUserAgents.Enabled = false;

        Assert.Empty(Feed(new DetectionOptions(), [Create(Attacker, 0, agent: "sqlmap/1.8", dataset: "mysql.error")]));
        Assert.Empty(Feed(new DetectionOptions(), [Create("127.0.0.1", 0, agent: "sqlmap/1.8")]));
        Assert.Empty(Feed(new DetectionOptions { Enabled = false }, [Create(Attacker, 0, agent: "sqlmap/1.8")]));
        Assert.Empty(Feed(disabled, [Create(Attacker, 0, agent: "sqlmap/1.8")]));
    }

    [Fact]
    public void Observe_BehindProxyWithForwardedFor_AlertsRealClientNotProxy()
    {
        const string Field = "http.request.headers.x_forwarded_for";
        var options = new DetectionOptions { ClientIpFields = [Field, "source.ip"], TrustedProxies = ["10.0.0.0/8"] };
        var events = Enumerable.Range(0, 6).Select(i =>
        {
            var e = LoginFailure("10.0.0.2", i);
            e.Set(Field, $"198.51.100.77, {Attacker}, 10.0.0.3");
            return e;
        });

        var alert = Assert.Single(Feed(options, events));

        Assert.Equal(Attacker, alert.GetString("source.ip"));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingEveryKey()
    {
        var options = new DetectionOptions { MaxTrackedAddresses = 0 };
        options.Rules.WpLoginFlood.Threshold = 0;

        var error = Assert.Throws<ArgumentException>(() => new ScanDetector(options, TimeProvider.System));

        Assert.Contains("Detection:MaxTrackedAddresses", error.Message, StringComparison.Ordinal);
        Assert.Contains("Detection:Rules:WpLoginFlood:Threshold", error.Message, StringComparison.Ordinal);
    }

    private static List<EcsDocument> Feed(DetectionOptions options, IEnumerable<EcsDocument> events)
    {
        var detector = new ScanDetector(options, new FakeTimeProvider(T0.AddDays(1)));
        return [.. events.SelectMany(detector.Observe)];
    }
}
