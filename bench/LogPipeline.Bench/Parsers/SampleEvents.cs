using System.Globalization;

namespace LogPipeline.Bench.Parsers;

/// <summary>Varied, realistic events for each dataset, generated from a fixed seed.</summary>
internal static class SampleEvents
{
    private static readonly string[] Paths = ["/", "/wp-login.php", "/xmlrpc.php", "/wp-admin/admin-ajax.php", "/blog/2026/11/hello-world/", "/wp-content/themes/site/style.css?ver=6.7", "/feed/", "/search?q=logs+pipeline&page=2", "/wp-json/wp/v2/posts?per_page=10&_embed=1"];
    private static readonly string[] Agents = ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "curl/8.5.0", "WordPress/6.7; https://example.com"];
    private static readonly string[] Methods = ["GET", "GET", "GET", "POST", "HEAD"];
    private static readonly int[] Statuses = [200, 200, 200, 301, 304, 404, 403, 500];

    public static string[] For(string dataset, int count)
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, count).Select(i => One(dataset, random, i))];
    }

    private static string One(string dataset, Random r, int i)
    {
        var ip = $"{r.Next(1, 224)}.{r.Next(256)}.{r.Next(256)}.{r.Next(1, 255)}";
        var path = Paths[r.Next(Paths.Length)];
        var agent = Agents[r.Next(Agents.Length)];
        var method = Methods[r.Next(Methods.Length)];
        var status = Statuses[r.Next(Statuses.Length)];
        var second = (i % 60).ToString("00", CultureInfo.InvariantCulture);
        var pid = r.Next(1000, 40000);
        return dataset switch
        {
            "apache.access" => $"{ip} - - [22/Nov/2026:08:{(i / 60) % 60:00}:{second} +0100] \"{method} {path} HTTP/1.1\" {status} {r.Next(100, 90000)} \"https://example.com/\" \"{agent}\"",
            "nginx.access" => $"{ip} - - [22/Nov/2026:08:10:{second} +0000] \"{method} {path} HTTP/2.0\" {status} {r.Next(100, 90000)} \"-\" \"{agent}\"",
            "haproxy.log" => $"Nov 22 08:10:{second} lb1 haproxy[{pid}]: {ip}:{r.Next(1024, 65535)} [22/Nov/2026:08:10:{second}.{r.Next(1000):000}] fe_http be_app/web{r.Next(1, 5)} 0/0/{r.Next(3)}/{r.Next(200)}/{r.Next(300)} {status} {r.Next(100, 90000)} - - ---- {r.Next(1, 50)}/{r.Next(1, 50)}/{r.Next(20)}/{r.Next(10)}/0 0/0 {{example.com|{agent}}} \"{method} {path} HTTP/1.1\"",
            "apache.error" => $"[Sun Nov 22 08:10:{second}.{r.Next(1_000_000):000000} 2026] [core:info] [pid {pid}:tid {pid + 7}] [client {ip}:{r.Next(1024, 65535)}] AH00128: File does not exist: /var/www/html{path.Split('?')[0]}",
            "nginx.error" => $"2026/11/22 08:10:{second} [error] {pid}#{pid}: *{i} open() \"/usr/share/nginx/html{path.Split('?')[0]}\" failed (2: No such file or directory), client: {ip}, server: example.com, request: \"{method} {path} HTTP/1.1\", host: \"example.com\"",
            "mysql.error" => $"2026-11-22 {8 + (i % 3),2}:10:{second} {r.Next(1, 500)} [Warning] Aborted connection {r.Next(1, 500)} to db: 'wordpress' user: 'wp' host: '{ip}' (Got timeout reading communication packets)",
            "mysql.slowlog" => $"# Time: 261122  8:10:{second}\n# User@Host: wp[wp] @ app{r.Next(1, 4)}.example.com [{ip}]\n# Thread_id: {r.Next(1, 5000)}  Schema: wordpress  QC_hit: No\n# Query_time: 0.{r.Next(1_000_000):000000}  Lock_time: 0.000{r.Next(1000):000}  Rows_sent: {r.Next(100)}  Rows_examined: {r.Next(100000)}\n# Rows_affected: 0  Bytes_sent: {r.Next(100, 9000)}\nSET timestamp={1795335000 + i};\nSELECT option_name, option_value FROM wp_options WHERE autoload = 'yes' AND option_id > {r.Next(1000)};",
            "syslog" => $"Nov 22 08:10:{second} web{r.Next(1, 9)} sshd[{pid}]: Failed password for invalid user admin from {ip} port {r.Next(1024, 65535)} ssh2",
            _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "no sample events for this dataset"),
        };
    }
}
