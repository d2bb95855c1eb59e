using System.Globalization;

namespace LogPipeline.LocalStack;

/// <summary>
/// Appends a few synthetic Apache lines every two seconds until stopped — ordinary visitors, and now and then a
/// wp-login.php POST — so that search, live tail and the scans view have something current to show.
/// </summary>
internal static class LiveTraffic
{
    private static readonly string[] Pages = ["/", "/blog/", "/about/", "/feed/", "/wp-content/themes/site/style.css"];

    public static async Task RunAsync(string path, CancellationToken cancellationToken)
    {
        var random = new Random(11);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = TimeProvider.System.GetUtcNow();
                var stamp = now.ToString("dd/MMM/yyyy:HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
                var lines = new List<string>();
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    var page = Pages[random.Next(Pages.Length)];
                    lines.Add($"192.0.2.{random.Next(10, 60)} - - [{stamp}] \"GET {page} HTTP/1.1\" 200 {random.Next(500, 40000)} \"-\" \"Mozilla/5.0 (X11; Linux x86_64) live-demo\"");
                }

                if (random.Next(5) == 0)
                {
                    lines.Add($"203.0.113.77 - - [{stamp}] \"POST /wp-login.php HTTP/1.1\" 200 4123 \"-\" \"Mozilla/5.0 (compatible; brute/1.0)\"");
                }

                await File.AppendAllLinesAsync(path, lines, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: the caller stops the services.
        }
    }
}
