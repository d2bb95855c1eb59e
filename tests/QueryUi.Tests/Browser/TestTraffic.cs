using System.Globalization;
using System.Text.Json;

namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>
/// Apache access lines written for these tests, as <c>/v1/batches</c> NDJSON: ordinary traffic on three hosts over
/// the last 50 minutes, one planted scanner that brute-forces wp-login.php until a 302, and a probe whose user agent
/// is an HTML script tag.
/// </summary>
internal static class TestTraffic
{
    public const string Scanner = "203.0.113.66";
    public const string HostileProber = "192.0.2.45";
    public const string HostileAgent = "<script>document.title='pwned'</script>";
    public const string Needle = "needle4242";
    public const int OrdinaryCount = 1200;
    public const int FailedLogins = 30;

    public static readonly string[] Hosts = ["web1", "web2", "app2"];

    public static IReadOnlyList<string> Build(DateTimeOffset now)
    {
        var events = new List<string>();
        var offsets = Hosts.ToDictionary(h => h, _ => 0L);
        var start = now.AddMinutes(-50);
        string[] paths = ["/", "/index.php?p=12", "/wp-content/themes/site/style.css", "/blog/2026/11/hello", "/wp-json/wp/v2/posts", "/favicon.ico"];
        int[] statuses = [200, 200, 200, 304, 404, 200];
        for (var i = 0; i < OrdinaryCount; i++)
        {
            var host = Hosts[i % Hosts.Length];
            var url = i == 777 ? $"/checkout?order={Needle}" : paths[i % paths.Length];
            var line = Line($"198.51.100.{(i % 40) + 10}", start.AddSeconds(i * 2.5), "GET", url, statuses[i % statuses.Length], "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
            events.Add(Event(host, offsets, line));
        }

        var scan = now.AddMinutes(-30);
        var agent = "WPScan v3.8.22 (https://wpscan.com/wordpress-security-scanner)";
        events.Add(Event("web1", offsets, Line(Scanner, scan, "GET", "/.env", 404, agent)));
        events.Add(Event("web1", offsets, Line(Scanner, scan.AddSeconds(1), "GET", "/.git/config", 404, agent)));
        events.Add(Event("web2", offsets, Line(Scanner, scan.AddSeconds(2), "POST", "/xmlrpc.php", 405, agent)));
        for (var i = 0; i < FailedLogins; i++)
        {
            events.Add(Event(i % 2 == 0 ? "web1" : "web2", offsets, Line(Scanner, scan.AddSeconds(10 + i), "POST", "/wp-login.php", 200, agent)));
        }

        events.Add(Event("web2", offsets, Line(Scanner, scan.AddSeconds(45), "POST", "/wp-login.php", 302, agent)));
        events.Add(Event("web2", offsets, Line(Scanner, scan.AddSeconds(46), "GET", "/wp-admin/", 200, agent)));

        var probe = now.AddMinutes(-20);
        events.Add(Event("app2", offsets, Line(HostileProber, probe, "GET", "/.env", 404, HostileAgent)));
        events.Add(Event("app2", offsets, Line(HostileProber, probe.AddSeconds(3), "GET", "/wp-login.php", 404, HostileAgent)));
        return events;
    }

    /// <summary>One more ordinary line, newest of all, for the live-tail test.</summary>
    public static string Late(DateTimeOffset at, string marker, int n) =>
        Event("web1", new Dictionary<string, long> { ["web1"] = 10_000_000 + (n * 1000L) }, Line("198.51.100.9", at, "GET", "/late?m=" + marker, 200, "curl/8.5.0"));

    private static string Line(string ip, DateTimeOffset at, string method, string url, int status, string agent) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ip} - - [{at.UtcDateTime:dd/MMM/yyyy:HH:mm:ss} +0000] \"{method} {url} HTTP/1.1\" {status} {512 + url.Length} \"-\" \"{agent}\"");

    private static string Event(string host, Dictionary<string, long> offsets, string line)
    {
        var offset = offsets[host];
        offsets[host] = offset + line.Length + 1;
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{host}\nui-test\n{offset}")))[..32];
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id,
            ["host"] = host,
            ["file"] = "/var/log/apache2/access.log",
            ["offset"] = offset,
            ["dataset"] = "apache.access",
            ["message"] = line,
        });
    }
}
