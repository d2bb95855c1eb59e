using System.Globalization;

namespace LogPipeline.Bench.Detection;

/// <summary>
/// Generated Apache combined lines for the detection benchmark: ordinary browsing, with a given share of lines that
/// some rule looks at (failed logins, xmlrpc POSTs, 404 probes, scanner user agents, sensitive paths).
/// </summary>
internal static class AccessLogSample
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] Pages = ["/", "/blog/", "/blog/a-post-about-logs/", "/about/", "/wp-content/themes/site/style.css?ver=6.4", "/wp-includes/js/jquery/jquery.min.js", "/shop/cart/"];

    public static string[] Lines(int count, double matchingShare, int seed)
    {
        var random = new Random(seed);
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            var time = Start.AddMilliseconds(i * 50);
            var client = $"198.51.{random.Next(100, 120)}.{random.Next(1, 255)}";
            lines[i] = random.NextDouble() < matchingShare
                ? Matching(time, $"192.0.2.{random.Next(1, 40)}", random)
                : Line(time, client, "GET", Pages[random.Next(Pages.Length)], 200, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        }

        return lines;
    }

    private static string Matching(DateTimeOffset time, string client, Random random) => random.Next(5) switch
    {
        0 => Line(time, client, "POST", "/wp-login.php", 200, "Mozilla/5.0"),
        1 => Line(time, client, "POST", "/xmlrpc.php", 200, "Mozilla/5.0"),
        2 => Line(time, client, "GET", $"/probe-{random.Next(1000)}.php", 404, "Mozilla/5.0"),
        3 => Line(time, client, "GET", "/", 200, "WPScan v3.8.25"),
        _ => Line(time, client, "GET", "/.env", 404, "Mozilla/5.0"),
    };

    private static string Line(DateTimeOffset time, string ip, string method, string url, int status, string agent) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ip} - - [{time.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)} +0000] \"{method} {url} HTTP/1.1\" {status} 5120 \"https://www.example.com/\" \"{agent}\"");
}
