using System.Text.Json.Nodes;

namespace LogPipeline.Store.Tests.Support;

/// <summary>Builds Apache-access-like events (lines written for these tests) as the ingest would hand them over.</summary>
internal static class Events
{
    public static readonly DateTimeOffset Day0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public static LogRecord Access(
        string id,
        DateTimeOffset timestamp,
        string ip = "203.0.113.7",
        string method = "GET",
        string path = "/index.php",
        int status = 200,
        long bytes = 512,
        string host = "web1",
        string userAgent = "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0",
        string file = "/var/log/apache2/access.log",
        string? query = null)
    {
        var url = query is null ? path : path + "?" + query;
        var message = $"{ip} - - [{timestamp:dd/MMM/yyyy:HH:mm:ss} +0000] \"{method} {url} HTTP/1.1\" {status} {bytes} \"-\" \"{userAgent}\"";
        var doc = new JsonObject
        {
            ["@timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"),
            ["message"] = message,
            ["host"] = new JsonObject { ["name"] = host },
            ["event"] = new JsonObject { ["dataset"] = "apache.access" },
            ["log"] = new JsonObject { ["file"] = new JsonObject { ["path"] = file } },
            ["source"] = new JsonObject { ["ip"] = ip },
            ["http"] = new JsonObject
            {
                ["request"] = new JsonObject { ["method"] = method },
                ["response"] = new JsonObject { ["status_code"] = status, ["body"] = new JsonObject { ["bytes"] = bytes } },
            },
            ["url"] = new JsonObject { ["original"] = url, ["path"] = path },
            ["user_agent"] = new JsonObject { ["original"] = userAgent },
        };
        return new LogRecord
        {
            Id = id,
            Timestamp = timestamp,
            DocumentJson = doc.ToJsonString(),
            Host = host,
            Dataset = "apache.access",
            FilePath = file,
            SourceIp = ip,
            Method = method,
            Status = status,
            Bytes = bytes,
            UrlPath = path,
            UrlOriginal = url,
            UserAgent = userAgent,
            Message = message,
        };
    }

    /// <summary>One event per minute from <paramref name="start"/>, ids <c>e0000</c>… in time order.</summary>
    public static List<LogRecord> Minutes(DateTimeOffset start, int count, string idPrefix = "e") =>
        Enumerable.Range(0, count).Select(i => Access($"{idPrefix}{i:D4}", start.AddMinutes(i), path: $"/page/{i}")).ToList();
}
