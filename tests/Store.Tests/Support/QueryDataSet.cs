using System.Text.Json.Nodes;

namespace LogPipeline.Store.Tests.Support;

/// <summary>
/// A deterministic data set for the query case table: Apache access and error events, HAProxy and MySQL-ish
/// fields, over two days and three hosts. Every value the cases look at occurs in some events and not in others.
/// </summary>
internal static class QueryDataSet
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 22, 0, 0, TimeSpan.Zero);

    private static readonly string[] Hosts = ["web1", "web2", "Web3"];
    private static readonly string[] Ips = ["10.0.0.5", "10.0.0.6", "192.168.1.20", "203.0.113.9", "2001:db8::7"];
    private static readonly string[] Paths = ["/wp-login.php", "/WP-Login.php", "/xmlrpc.php", "/index.php", "/wp-admin/edit.php", "/about", "/feed/"];
    private static readonly string[] Methods = ["GET", "POST", "HEAD"];
    private static readonly int[] Statuses = [200, 200, 301, 404, 403, 500, 503];
    private static readonly string[] Agents = ["Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0", "curl/8.5.0", "sqlmap/1.7.2#stable", "Wget/1.21"];

    public static List<Sample> Build(int count = 400)
    {
        var samples = new List<Sample>(count);
        for (var i = 0; i < count; i++)
        {
            var time = Start.AddMinutes(i * 7 % 300).AddSeconds(i);
            var host = Hosts[i % Hosts.Length];
            if (i % 10 == 9)
            {
                var text = $"[core:error] [pid {1000 + i}] AH00037: Symbolic link not allowed: /var/www/html/{(i % 20 == 9 ? "secret" : "public")}";
                samples.Add(new Sample($"q{i:D4}", time, host, "apache.error", null, null, null, null, null, null, null, text, null, null, i % 20 == 9 ? "alert" : null, []));
                continue;
            }

            var path = Paths[i % Paths.Length];
            var url = i % 4 == 0 ? path + "?p=" + (i % 3) : path;
            var (ip, method, status, bytes, ua) = (Ips[i % Ips.Length], Methods[i % Methods.Length], Statuses[i / 5 % Statuses.Length], (long)(i * 37 % 3000), Agents[i % Agents.Length]);
            var message = $"{ip} - - [20/Nov/2026:22:00:00 +0000] \"{method} {url} HTTP/1.1\" {status} {bytes} \"-\" \"{ua}\"";
            var backend = i % 3 == 0 ? (i % 2 == 0 ? "app_pool" : "static_pool") : null;
            long? thread = i % 5 == 0 ? 40 + (i % 7) : null;
            IReadOnlyList<string> tags = i % 6 == 0 ? ["scanner", "wp"] : i % 6 == 1 ? ["wp"] : [];
            samples.Add(new Sample($"q{i:D4}", time, host, "apache.access", ip, method, status, bytes, path, url, ua, message, backend, thread, null, tags));
        }

        return samples;
    }

    public static LogRecord ToRecord(Sample s)
    {
        var doc = new JsonObject
        {
            ["@timestamp"] = s.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"),
            ["message"] = s.Message,
            ["host"] = new JsonObject { ["name"] = s.Host },
            ["event"] = s.Kind is null ? new JsonObject { ["dataset"] = s.Dataset } : new JsonObject { ["dataset"] = s.Dataset, ["kind"] = s.Kind },
        };
        if (s.Ip is not null)
        {
            doc["source"] = new JsonObject { ["ip"] = s.Ip };
            doc["http"] = new JsonObject
            {
                ["request"] = new JsonObject { ["method"] = s.Method },
                ["response"] = new JsonObject { ["status_code"] = s.Status, ["body"] = new JsonObject { ["bytes"] = s.Bytes } },
            };
            doc["url"] = new JsonObject { ["original"] = s.Url, ["path"] = s.Path };
            doc["user_agent"] = new JsonObject { ["original"] = s.UserAgent };
        }

        if (s.Backend is not null)
        {
            doc["haproxy"] = new JsonObject { ["backend_name"] = s.Backend };
        }

        if (s.ThreadId is not null)
        {
            doc["mysql"] = new JsonObject { ["thread_id"] = s.ThreadId };
        }

        if (s.Tags.Count > 0)
        {
            doc["tags"] = new JsonArray(s.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }

        return new LogRecord
        {
            Id = s.Id,
            Timestamp = s.Time,
            DocumentJson = doc.ToJsonString(),
            Host = s.Host,
            Dataset = s.Dataset,
            FilePath = s.Dataset == "apache.error" ? "/var/log/apache2/error.log" : "/var/log/apache2/access.log",
            SourceIp = s.Ip,
            Method = s.Method,
            Status = s.Status,
            Bytes = s.Bytes,
            UrlPath = s.Path,
            UrlOriginal = s.Url,
            UserAgent = s.UserAgent,
            Message = s.Message,
        };
    }
}
