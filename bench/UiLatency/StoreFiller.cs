using System.Diagnostics;
using System.Globalization;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;

namespace LogPipeline.UiLatency;

/// <summary>
/// Writes N synthetic Apache access events spread evenly over the last <c>days</c> days (7 by default) (five hosts, some scanners), newest
/// first, so a fill stopped early still holds complete recent days; <c>.written</c> records how many are in.
/// </summary>
internal static class StoreFiller
{
    private static readonly string[] Hosts = ["web1", "web2", "app2", "db1", "lb1"];
    private static readonly string[] Paths = ["/", "/index.php", "/wp-content/themes/site/style.css", "/blog/2026/11/hello-world", "/wp-json/wp/v2/posts", "/favicon.ico", "/wp-login.php", "/xmlrpc.php", "/.env", "/shop/cart"];
    private static readonly string[] Methods = ["GET", "GET", "GET", "POST", "HEAD"];
    private static readonly int[] Statuses = [200, 200, 200, 304, 404, 302, 500, 200];

    public static async Task FillAsync(string directory, long count, int days, int batchSize, DateTimeOffset now)
    {
        using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = directory, RetentionDays = 30, Durability = SqliteDurability.Normal }, TimeProvider.System);
        var start = now.AddDays(-days);
        var step = TimeSpan.FromDays(days).Ticks / count;
        var batch = new List<LogRecord>(batchSize);
        var clock = Stopwatch.StartNew();
        long written = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            batch.Add(Record(i, start.AddTicks(i * step)));
            if (batch.Count == batch.Capacity || i == 0)
            {
                await store.WriteAsync(batch, CancellationToken.None);
                written += batch.Count;
                batch.Clear();
                await File.WriteAllTextAsync(Path.Combine(directory, ".written"), written.ToString(CultureInfo.InvariantCulture));
                if (written % 500_000 < batchSize)
                {
                    Console.Error.WriteLine($"  {written:N0} events written in {clock.Elapsed.TotalSeconds:0}s");
                }
            }
        }
    }

    private static LogRecord Record(long i, DateTimeOffset at)
    {
        var host = Hosts[i % Hosts.Length];
        var path = Paths[(i / 7) % Paths.Length];
        var method = Methods[i % Methods.Length];
        var status = Statuses[(i / 3) % Statuses.Length];
        var ip = string.Create(CultureInfo.InvariantCulture, $"198.51.{(i / 251) % 200}.{i % 251}");
        var agent = i % 97 == 0 ? "WPScan v3.8.22" : "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        var time = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var line = string.Create(CultureInfo.InvariantCulture, $"{ip} - - [{at.UtcDateTime:dd/MMM/yyyy:HH:mm:ss} +0000] \"{method} {path}?n={i} HTTP/1.1\" {status} {300 + (i % 5000)} \"-\" \"{agent}\"");
        var message = System.Text.Json.JsonEncodedText.Encode(line).ToString();
        var json = "{\"@timestamp\":\"" + time + "\",\"host\":{\"name\":\"" + host + "\"},\"event\":{\"dataset\":\"apache.access\"},"
            + "\"log\":{\"file\":{\"path\":\"/var/log/apache2/access.log\"},\"offset\":" + (i * 180).ToString(CultureInfo.InvariantCulture) + "},"
            + "\"source\":{\"ip\":\"" + ip + "\"},\"http\":{\"request\":{\"method\":\"" + method + "\"},\"response\":{\"status_code\":"
            + status.ToString(CultureInfo.InvariantCulture) + "}},\"url\":{\"path\":\"" + path + "\",\"original\":\"" + path + "?n=" + i.ToString(CultureInfo.InvariantCulture) + "\"},"
            + "\"user_agent\":{\"original\":\"" + agent + "\"},\"message\":\"" + message + "\"}";
        return new LogRecord
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"bench{i:x12}"),
            Timestamp = at,
            DocumentJson = json,
            Host = host,
            Dataset = "apache.access",
            FilePath = "/var/log/apache2/access.log",
            SourceIp = ip,
            Method = method,
            Status = status,
            Bytes = 300 + (i % 5000),
            UrlPath = path,
            UrlOriginal = path + "?n=" + i.ToString(CultureInfo.InvariantCulture),
            UserAgent = agent,
            Message = line,
            Offset = i * 180,
        };
    }
}
