using System.Globalization;
using LogPipeline.Ingest.Detection;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Tests.Detection;

/// <summary>HAProxy's own log carries the real client; a CDN in front of it shows up in the captured headers.</summary>
public sealed class ScanDetectorHaproxyTests
{
    private const string Cdn = "198.51.100.200";
    private const string Client = "203.0.113.7";

    [Fact]
    public void Observe_HaproxyLogFlood_AlertsTheClientAddressHaproxyLogged()
    {
        var alerts = Feed(new DetectionOptions(), Client, captured: "-");

        var alert = Assert.Single(alerts, a => a.GetString("rule.id") == "wp-login-flood");
        Assert.Equal(Client, alert.GetString("source.ip"));
    }

    [Fact]
    public void Observe_CapturedForwardedForBehindTrustedCdn_AlertsTheRealClient()
    {
        var options = new DetectionOptions { ClientIpFields = ["haproxy.http.request.captured_headers", "source.ip"], TrustedProxies = [Cdn] };

        var alerts = Feed(options, Cdn, captured: $"{Client}, {Cdn}|Mozilla/5.0");

        var alert = Assert.Single(alerts, a => a.GetString("rule.id") == "wp-login-flood");
        Assert.Equal(Client, alert.GetString("source.ip"));
    }

    private static List<EcsDocument> Feed(DetectionOptions options, string peer, string captured)
    {
        var library = new FormatLibrary();
        var detector = new ScanDetector(options, new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero)));
        var alerts = new List<EcsDocument>();
        for (var i = 0; i < 8; i++)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"<134>Nov  2 08:00:0{i} lb1 haproxy[1234]: {peer}:5123{i} [02/Nov/2026:08:00:0{i}.123] fe_http be_wp/web1 0/0/1/20/21 200 512 - - ---- 1/1/0/0/0 0/0 {{{captured}}} \"POST /wp-login.php HTTP/1.1\"");
            var document = library.Parse("haproxy.log", line);
            Assert.False(document.HasTag(Unparsed.FailureTag), line);
            document.Set("host.name", "lb1");
            alerts.AddRange(detector.Observe(document));
        }

        return alerts;
    }
}
