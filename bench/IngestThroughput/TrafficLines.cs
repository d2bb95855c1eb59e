using System.Globalization;

namespace LogPipeline.Bench.Ingest;

/// <summary>Realistic Apache combined lines: many visitors, some wp-login/xmlrpc bursts, over the last hours.</summary>
internal static class TrafficLines
{
    private static readonly string[] Pages = ["/", "/blog/", "/blog/a-post-about-logs/", "/about/", "/feed/", "/wp-content/themes/site/style.css", "/shop/cart/?add=42", "/?s=search+terms"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (compatible; brute/1.0)",
    ];

    public static IEnumerable<string> Generate(int count, DateTimeOffset end)
    {
        var random = new Random(42);
        var start = end.AddHours(-6);
        var step = TimeSpan.FromHours(6).Ticks / Math.Max(count, 1);
        for (var i = 0; i < count; i++)
        {
            var time = start.AddTicks(step * i).ToString("dd/MMM/yyyy:HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
            var burst = i % 1000 < 30;
            var ip = burst ? $"203.0.113.{i / 1000 % 250}" : $"198.51.{random.Next(0, 100)}.{random.Next(1, 255)}";
            var request = burst ? (i % 2 == 0 ? "POST /wp-login.php" : "POST /xmlrpc.php") : "GET " + Pages[random.Next(Pages.Length)];
            var status = burst ? 200 : random.Next(100) < 90 ? 200 : 404;
            yield return $"{ip} - - [{time}] \"{request} HTTP/1.1\" {status} {random.Next(200, 60000)} \"-\" \"{Agents[burst ? 2 : random.Next(2)]}\"";
        }
    }
}
