using System.Globalization;
using System.Text.Json.Nodes;
using LogPipeline.Store;

namespace LogPipeline.Bench.Store;

/// <summary>
/// Deterministic, realistic Apache access traffic for a small WordPress fleet: visitors from a large address pool
/// (a few addresses are very busy), crawlers, scanners probing for files, and bursts of wp-login.php and xmlrpc.php
/// POSTs from attacking addresses. Events come out in time order, with a day/night rhythm.
/// </summary>
internal sealed class ApacheTraffic(int seed, DateTimeOffset start, DateTimeOffset end, long count, long firstId = 0)
{
    private static readonly string[] Hosts = ["web1", "web2", "web3", "web4"];
    private static readonly string[] Browsers =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    ];

    private static readonly string[] Crawlers =
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    ];

    private static readonly string[] Scanners = ["sqlmap/1.8.11#stable (https://sqlmap.org)", "python-requests/2.32.3", "Mozilla/5.0 zgrab/0.x", "curl/8.11.0"];
    private static readonly string[] Probes = ["/.env", "/.git/config", "/phpmyadmin/", "/wp-config.php.bak", "/admin.php", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/cgi-bin/luci", "/backup.zip"];

    private readonly Random _random = new(seed);
    private (string Ip, string Path, string Agent, long Left) _burst = (string.Empty, string.Empty, string.Empty, 0);

    public IEnumerable<(LogRecord Record, string Line)> Events()
    {
        var span = (end - start).Ticks;
        var time = start;
        for (long i = 0; i < count; i++)
        {
            // Day/night rhythm: the gap to the next event is longer at night (UTC 00–06).
            var mean = (double)span / count;
            var night = time.UtcDateTime.Hour < 6 ? 1.8 : 0.8;
            time = time.AddTicks((long)(mean * night * (0.5 + _random.NextDouble())));
            if (time >= end)
            {
                time = end.AddTicks(-(count - i));
            }

            yield return Next(firstId + i, time);
        }
    }

    private (LogRecord, string) Next(long index, DateTimeOffset time)
    {
        var host = Hosts[_random.Next(Hosts.Length)];
        var roll = _random.NextDouble();
        string ip, method, path, agent;
        int status;
        if (_burst.Left > 0 || roll < 0.00004)
        {
            if (_burst.Left == 0)
            {
                _burst = (Ip(3_000, "185.220."), _random.Next(3) == 0 ? "/xmlrpc.php" : "/wp-login.php", Scanners[_random.Next(1, Scanners.Length)], _random.Next(200, 5_000));
            }

            _burst.Left--;
            (ip, method, path, agent) = (_burst.Ip, "POST", _burst.Path, _burst.Agent);
            status = host == "web4" ? 404 : path == "/xmlrpc.php" ? 200 : _random.Next(20) == 0 ? 302 : 200;
        }
        else if (roll < 0.05)
        {
            (ip, method, path, agent) = (Ip(5_000, "45.148."), "GET", Probes[_random.Next(Probes.Length)], Scanners[_random.Next(Scanners.Length)]);
            status = 404;
        }
        else if (roll < 0.17)
        {
            (ip, method, path, agent) = (Ip(300, "66.249."), "GET", Page(), Crawlers[_random.Next(Crawlers.Length)]);
            status = _random.Next(50) == 0 ? 404 : 200;
        }
        else
        {
            (ip, method, path, agent) = (Ip(200_000, "10."), _random.Next(30) == 0 ? "POST" : "GET", Page(), Browsers[_random.Next(Browsers.Length)]);
            status = _random.Next(10) == 0 ? 304 : _random.Next(60) == 0 ? 404 : 200;
        }

        var query = path == "/" && _random.Next(8) == 0 ? "?s=" + Word() : string.Empty;
        var bytes = status == 304 ? 0 : _random.Next(200, 60_000);
        return Build(index, time, host, ip, method, path, query, status, bytes, agent);
    }

    /// <summary>An address from a pool: the first addresses are far busier than the rest (a power law).</summary>
    private string Ip(int pool, string prefix)
    {
        var n = (int)(pool * Math.Pow(_random.NextDouble(), 3));
        return prefix.Count(c => c == '.') == 2
            ? string.Create(CultureInfo.InvariantCulture, $"{prefix}{n / 256 % 256}.{n % 256}")
            : string.Create(CultureInfo.InvariantCulture, $"{prefix}{n / 65536 % 256}.{n / 256 % 256}.{n % 256}");
    }

    private string Page() => _random.Next(12) switch
    {
        0 => "/",
        1 => "/feed/",
        2 => "/wp-json/wp/v2/posts",
        3 or 4 => string.Create(CultureInfo.InvariantCulture, $"/wp-content/uploads/2026/{_random.Next(1, 12):D2}/photo-{_random.Next(5_000)}.jpg"),
        5 => "/wp-content/themes/twentytwentyfour/style.css",
        6 => "/wp-admin/admin-ajax.php",
        _ => string.Create(CultureInfo.InvariantCulture, $"/blog/2026/{_random.Next(1, 12):D2}/post-{(int)(3_000 * Math.Pow(_random.NextDouble(), 2))}/"),
    };

    private string Word() => ((string[])["kubernetes", "recipe", "holiday", "pricing", "contact", "privacy"])[_random.Next(6)];

    private static (LogRecord, string) Build(
        long index, DateTimeOffset time, string host, string ip, string method, string path, string query, int status, long bytes, string agent)
    {
        var url = path + query;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{ip} - - [{time.UtcDateTime:dd/MMM/yyyy:HH:mm:ss} +0000] \"{method} {url} HTTP/1.1\" {status} {bytes} \"-\" \"{agent}\"");
        var doc = new JsonObject
        {
            ["@timestamp"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            ["message"] = line,
            ["event"] = new JsonObject { ["dataset"] = "apache.access", ["id"] = "b" + index.ToString(CultureInfo.InvariantCulture) },
            ["host"] = new JsonObject { ["name"] = host },
            ["log"] = new JsonObject { ["file"] = new JsonObject { ["path"] = "/var/log/apache2/access.log" }, ["offset"] = index * 180 },
            ["source"] = new JsonObject { ["ip"] = ip },
            ["http"] = new JsonObject
            {
                ["version"] = "1.1",
                ["request"] = new JsonObject { ["method"] = method },
                ["response"] = new JsonObject { ["status_code"] = status, ["body"] = new JsonObject { ["bytes"] = bytes } },
            },
            ["url"] = new JsonObject { ["original"] = url, ["path"] = path },
            ["user_agent"] = new JsonObject { ["original"] = agent },
        };
        var record = new LogRecord
        {
            Id = "b" + index.ToString(CultureInfo.InvariantCulture),
            Timestamp = time,
            DocumentJson = doc.ToJsonString(),
            Host = host,
            Dataset = "apache.access",
            FilePath = "/var/log/apache2/access.log",
            SourceIp = ip,
            Method = method,
            Status = status,
            Bytes = bytes,
            UrlPath = path,
            UrlOriginal = url,
            UserAgent = agent,
            Message = line,
            Offset = index * 180,
        };
        return (record, line);
    }
}
